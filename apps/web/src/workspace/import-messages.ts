// The import wizard's column mapping and progress strings, in English and French (a test checks
// both catalogs have the same keys and parameters). Apart from messages.ts so that the wizard's
// words change without touching the rest of the workspace's catalog.
import { useLocale } from "../i18n/locale";

export const importEn = {
  source: "The file comes from",
  sourceNone: "Not said (the mapping is not remembered)",
  sourceHint:
    "The columns you map are remembered for the next file of this kind from this organization.",
  readingColumns: "Reading the file's columns…",
  sending: "Sending the file…",
  sent: (file: string, size: string) => `${file} (${size}) is on the server for the next steps.`,
  mappingTitle: "Columns of the file",
  mappingIntro:
    "Choose the field each column of the file holds. A column left out is not imported; a field marked required needs a column.",
  fileColumn: "Column in the file",
  field: "Field",
  foundBy: "Found by",
  leaveOut: "Leave out",
  required: "required",
  fieldFor: (header: string) => `Field for the column “${header}”`,
  matchedBy: {
    remembered: "remembered for this source",
    exact: "same name",
    alias: "known other name",
    none: "not recognised",
  } as Record<string, string>,
  chosenByYou: "chosen by you",
  rememberedNote: "The mapping remembered for this source was applied.",
  missingFields: (fields: string) =>
    `Map a column to every required field before the preview. Missing: ${fields}.`,
  duplicateFields: (fields: string) =>
    `Two columns of the file are mapped to the same field: ${fields}. Leave one out.`,
  mappingReady: "Every required field has a column.",
  fieldInFile: (field: string) => `field ${field}`,
  progressLabel: "Import progress",
  progressRows: (validated: string, written: string, total: string) =>
    `${validated} of ${total} rows checked, ${written} written`,
  progressRowsNoTotal: (validated: string, written: string) =>
    `${validated} rows checked, ${written} written`,
  progressStarting: "Starting the import…",
  importFailed: (message: string) => `The import failed: ${message} Nothing was written.`,
  fields: {
    external_ref: "Reference",
    source: "Donor",
    recipient: "Recipient entity",
    operation: "Operation",
    task_code: "Priority task",
    funding_type: "Funding type",
    status: "Status",
    amount: "Amount",
    currency: "Currency",
    date: "Date of status",
    period_start: "Usage from",
    period_end: "Usage to",
    earmarking: "Earmarking",
    category: "Category",
    notes: "Notes",
    amount_usd: "Amount in USD (from the source)",
    units_per_usd: "Units per USD",
    entity: "Entity",
    stage: "Budget stage",
    document: "Document",
    code: "Code",
    name: "Name",
    kind: "Kind",
    fiscal_year_start_month: "First month of the fiscal year",
    taxonomy: "Category taxonomy",
    country: "Country",
    resolution: "Resolution",
    adopted_on: "Adopted on",
    task_title: "Task title",
    rank: "Rank",
    military_ceiling: "Military ceiling",
    police_ceiling: "Police ceiling",
    operation_name: "Operation name",
    effective_date: "In force from",
    common_category: "Common category",
    share: "Share",
    scale: "Scale",
    member_state: "Member state",
    rate_percent: "Rate (%)",
  } as Record<string, string>,
};

export type ImportMessages = typeof importEn;

export const importFr: ImportMessages = {
  source: "Le fichier provient de",
  sourceNone: "Non précisé (la correspondance n'est pas mémorisée)",
  sourceHint:
    "Les correspondances de colonnes choisies sont mémorisées pour le prochain fichier de ce type venant de cette organisation.",
  readingColumns: "Lecture des colonnes du fichier…",
  sending: "Envoi du fichier…",
  sent: (file: string, size: string) =>
    `${file} (${size}) est sur le serveur pour les étapes suivantes.`,
  mappingTitle: "Colonnes du fichier",
  mappingIntro:
    "Choisissez le champ que contient chaque colonne du fichier. Une colonne écartée n'est pas importée ; un champ marqué obligatoire exige une colonne.",
  fileColumn: "Colonne du fichier",
  field: "Champ",
  foundBy: "Trouvé par",
  leaveOut: "Écarter",
  required: "obligatoire",
  fieldFor: (header: string) => `Champ de la colonne « ${header} »`,
  matchedBy: {
    remembered: "mémorisé pour cette source",
    exact: "même nom",
    alias: "autre nom connu",
    none: "non reconnu",
  },
  chosenByYou: "choisi par vous",
  rememberedNote: "La correspondance mémorisée pour cette source a été appliquée.",
  missingFields: (fields: string) =>
    `Associez une colonne à chaque champ obligatoire avant l'aperçu. Manquant : ${fields}.`,
  duplicateFields: (fields: string) =>
    `Deux colonnes du fichier sont associées au même champ : ${fields}. Écartez-en une.`,
  mappingReady: "Chaque champ obligatoire a une colonne.",
  fieldInFile: (field: string) => `champ ${field}`,
  progressLabel: "Progression de l'import",
  progressRows: (validated: string, written: string, total: string) =>
    `${validated} lignes sur ${total} vérifiées, ${written} écrites`,
  progressRowsNoTotal: (validated: string, written: string) =>
    `${validated} lignes vérifiées, ${written} écrites`,
  progressStarting: "Démarrage de l'import…",
  importFailed: (message: string) => `L'import a échoué : ${message} Rien n'a été écrit.`,
  fields: {
    external_ref: "Référence",
    source: "Donateur",
    recipient: "Entité bénéficiaire",
    operation: "Opération",
    task_code: "Tâche prioritaire",
    funding_type: "Type de financement",
    status: "Statut",
    amount: "Montant",
    currency: "Devise",
    date: "Date du statut",
    period_start: "Utilisation du",
    period_end: "Utilisation au",
    earmarking: "Affectation",
    category: "Catégorie",
    notes: "Remarques",
    amount_usd: "Montant en USD (selon la source)",
    units_per_usd: "Unités pour 1 USD",
    entity: "Entité",
    stage: "Étape budgétaire",
    document: "Document",
    code: "Code",
    name: "Nom",
    kind: "Genre",
    fiscal_year_start_month: "Premier mois de l'exercice",
    taxonomy: "Nomenclature des catégories",
    country: "Pays",
    resolution: "Résolution",
    adopted_on: "Adoptée le",
    task_title: "Intitulé de la tâche",
    rank: "Rang",
    military_ceiling: "Plafond militaire",
    police_ceiling: "Plafond de police",
    operation_name: "Nom de l'opération",
    effective_date: "En vigueur depuis",
    common_category: "Catégorie commune",
    share: "Part",
    scale: "Barème",
    member_state: "État Membre",
    rate_percent: "Taux (%)",
  },
};

export const importCatalogs = { en: importEn, fr: importFr } as const;

/** The wizard's mapping and progress strings in the interface language. */
export function useImportMessages(): ImportMessages {
  return importCatalogs[useLocale().locale];
}

/** A canonical field as the user reads it: its label, and its name as in the templates. */
export function fieldLabel(t: ImportMessages, field: string): string {
  const label = t.fields[field];
  return label ? `${label} (${field})` : field;
}

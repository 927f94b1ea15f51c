// What the server says (import problems, field errors, refusals, conflicts) in the user's
// language. The server sends a stable code with parameters beside its English text; English is
// shown as the server wrote it, French from these templates (a test checks that every code the
// server has is here, with the same parameters). An unknown code shows the server's English.
import type { ApiMessageCode, ReasonCode } from "@coherence/api";
import type { Locale } from "../i18n/messages";

/** Why an import refuses a row or a file, in French (the server's REASONS). */
export const reasonsFr: Record<ReasonCode, string> = {
  required_empty: "obligatoire, mais vide",
  unknown_value: "valeur inconnue : attendu l'une de {values}",
  not_a_date: "n'est pas une date : attendu AAAA-MM-JJ",
  no_such_date: "cette date n'existe pas",
  ends_before: "se termine avant {start_column} ({start})",
  unknown_currency: "code de devise inconnu",
  unknown_currency_case: "code de devise inconnu (les codes s'écrivent en majuscules)",
  negative_amount: "les montants négatifs ne sont pas admis",
  thousands_separator: "les séparateurs de milliers ne sont pas admis",
  comma_in_number:
    "une virgule n'est pas admise dans un nombre (pas de séparateur de milliers ; virgule décimale seulement dans un fichier séparé par des points-virgules)",
  spaces_in_number: "les espaces ne sont pas admises dans un nombre",
  not_a_decimal: "n'est pas un nombre décimal",
  amount_decimals: "{currency} admet {decimals} décimales",
  amount_one_decimal: "{currency} admet 1 décimale",
  amount_too_large: "trop grand",
  must_be_positive: "doit être supérieur à 0",
  not_whole_number: "n'est pas un nombre entier",
  out_of_range: "doit être compris entre {min} et {max}",
  not_a_share: "n'est pas une part : attendu un décimal (« 0.25 ») ou une fraction (« 1/3 »)",
  share_positive: "doit être supérieure à 0 (de même que le dénominateur d'une fraction)",
  rate_over_100: "un taux ne peut pas dépasser 100 pour cent",
  not_country_code: "n'est pas un code pays ISO 3166-1 alpha-3 (p. ex. CAF)",
  period_both_or_neither: "donnez à la fois period_start et period_end, ou aucun des deux",
  task_needs_operation: "une tâche exige une opération",
  given_without_amount_usd: "donné sans amount_usd",
  column_no_name: "la colonne {index} n'a pas de nom",
  column_twice: "cette colonne apparaît deux fois",
  unknown_column: "colonne inconnue (les colonnes de {kind} sont {expected})",
  missing_column: "colonne manquante",
  row_extra_fields:
    "la ligne a {fields} champs mais l'en-tête en a {columns} (un guillemet manquant ou un séparateur en trop ?)",
  row_missing_fields:
    "la ligne a {fields} champs mais l'en-tête en a {columns} (un séparateur manquant, ou le mauvais ?)",
  duplicate_key: "{columns} en double : déjà à la ligne {line}",
  text_after_quote: "du texte après un guillemet fermant",
  quote_in_unquoted: "un guillemet dans un champ non délimité",
  no_header_row: "le fichier n'a pas de ligne d'en-tête",
  empty_file: "le fichier est vide (0 octet)",
  tab_separated:
    "le fichier est séparé par des tabulations : utilisez une virgule ou un point-virgule comme séparateur",
  invalid_utf8: "le fichier n'est pas du texte UTF-8 valide (enregistrez-le en « CSV UTF-8 »)",
  unclosed_quote: "un champ entre guillemets n'est jamais fermé",
  record_too_long:
    "un enregistrement de plus de {max} caractères commence ici (un guillemet non fermé ?)",
  no_worksheet: "le classeur n'a pas de feuille",
  binary_zip: "c'est un fichier ZIP/XLSX, pas du texte",
  binary_xls: "c'est un ancien fichier Excel (.xls) : enregistrez-le en .xlsx ou en CSV UTF-8",
  binary_pdf: "c'est un fichier PDF, pas du texte",
  binary_utf16: "c'est du texte UTF-16 : enregistrez-le en UTF-8",
  binary_nul: "fichier binaire (il contient des octets NUL)",
  not_xlsx_text: "ce n'est pas un fichier XLSX (il ressemble à du texte : importez-le en CSV)",
  not_xlsx: "ce n'est pas un fichier XLSX ({detail})",
  xlsx_damaged: "fichier XLSX illisible : il est tronqué ou endommagé ({detail})",
  cells_unreadable: "cellules illisibles : {details}",
  empty_worksheet: "la feuille est vide : elle n'a pas de ligne d'en-tête",
  mandate_differs: "diffère de la ligne {line} du même mandat ({expected})",
  mandate_differs_empty: "diffère de la ligne {line} du même mandat (vide)",
  operation_other_country: "l'opération {operation} est en {country} à la ligne {line}",
  rank_taken: "le rang {rank} est déjà celui de la tâche {task} à la ligne {line}",
  requirement_differs:
    "diffère de la ligne {line}, la ligne « {stage} » de la ligne budgétaire {ref} ({expected})",
  requirement_differs_empty:
    "diffère de la ligne {line}, la ligne « {stage} » de la ligne budgétaire {ref} (vide)",
  scale_sum:
    "les taux du barème « {scale} » pour {from}..{to} totalisent {total} pour cent, pas 100 ({rows} lignes à partir de la ligne {line})",
  crosswalk_invalid:
    "{details} (catégorie « {category} » de la nomenclature « {taxonomy} », lignes {lines})",
  unknown_operation: "opération inconnue {code}",
  unknown_organization:
    "organisation inconnue {code} (importez-la d'abord avec le type « organisations »)",
  no_task_in_mandates: "aucune tâche prioritaire {task} dans les mandats de {operation}",
  duplicate_across_files: "{columns} en double : déjà dans {first}",
  duplicate_requirement_stage: "(external_ref, stage) en double : déjà à la ligne {line}",
  missing_rate:
    "aucun taux {currency} en vigueur le {date} : importez d'abord le taux opérationnel de l'ONU",
  usd_rate_one: "un taux pour l'USD doit valoir 1",
  conversion_failed: "conversion impossible : {detail}",
  not_member_state: "{member} n'est pas un État Membre (genre {kind})",
  scale_sum_database:
    "le barème {scale} à partir du {from} totaliserait {total} dans la base, pas 100 (elle a des taux pour des États Membres que ce fichier ne cite pas)",
  operation_country_database: "l'opération {operation} est en {country} dans la base",
  mandate_row_rejected:
    "une autre ligne de ce mandat a été rejetée (ligne {line}) : un mandat est gardé entier ou pas du tout",
  changed_during_import:
    "cet enregistrement de {table} a été modifié par quelqu'un d'autre pendant l'import : importez à nouveau",
  flow_changed_during_import:
    "ce flux a été modifié par quelqu'un d'autre pendant l'import : importez à nouveau",
  rate_changed_during_import:
    "ce taux a été modifié par quelqu'un d'autre pendant l'import : importez à nouveau",
  not_assigned_flows:
    "vous ne pouvez pas écrire de flux de l'opération {operation} vers {recipient} : hors de vos affectations",
  not_assigned_flow_change:
    "vous ne pouvez pas modifier ce flux : son opération et son bénéficiaire sont hors de vos affectations",
  not_assigned_budget_lines:
    "vous ne pouvez pas écrire de lignes budgétaires de {operation} pour {entity} : hors de vos affectations",
  not_assigned_budget_line_change:
    "vous ne pouvez pas modifier cette ligne budgétaire : hors de vos affectations",
  not_assigned_mandates:
    "vous ne pouvez pas écrire de mandats de {operation} : hors de vos affectations",
  not_assigned_taxonomy:
    "vous ne pouvez pas modifier la nomenclature {taxonomy} : aucune de vos entités ne l'utilise",
  admin_only_organizations: "seul un administrateur peut créer ou modifier des organisations",
  admin_only_rates: "seul un administrateur peut fixer des taux de change",
  admin_only_scales: "seul un administrateur peut fixer des barèmes des quotes-parts",
  admin_only_operations:
    "opération inconnue {operation} : seul un administrateur peut créer des opérations",
  rename_operation: "vous ne pouvez pas renommer cette opération",
};

/** The API's own messages in French (the server's API_MESSAGES). */
export const apiMessagesFr: Record<ApiMessageCode, string> = {
  sign_in_first: "Connectez-vous d'abord",
  reviewers_read_only: "Les examinateurs ont un accès en lecture seule",
  admin_only: "Seul un administrateur peut faire cela",
  not_assigned: "Vous n'êtes pas affecté à {what} : demandez à un administrateur de vous affecter",
  not_assigned_flow:
    "Vous n'êtes pas affecté à l'opération et au bénéficiaire de ce flux : demandez à un administrateur de vous affecter",
  not_assigned_flow_of:
    "Vous n'êtes pas affecté à l'opération {operation} / {recipient} : demandez à un administrateur de vous affecter",
  import_outside_assignments: "Cet import a touché des enregistrements hors de vos affectations",
  record_changed: "Cet enregistrement a été modifié par {who} le {at} (révision {version})",
  record_changed_unknown:
    "Cet enregistrement a été modifié par quelqu'un d'autre le {at} (révision {version})",
  same_key_exists: "Un enregistrement avec la même clé existe déjà",
  import_running: "Un de vos imports est encore en cours : attendez qu'il se termine",
  date_format: "Écrivez la date sous la forme AAAA-MM-JJ",
  not_calendar_date: "Cette date n'existe pas",
  required: "Obligatoire",
  code_too_long: "Au plus 40 caractères",
  code_characters:
    "Utilisez des lettres, des chiffres, le point, le tiret, la barre oblique ou le tiret bas",
  amount_too_long: "Le montant est trop long",
  amount_format: "Écrivez le montant en chiffres avec un point décimal, p. ex. 1250.50",
  unknown_currency: "Code de devise inconnu (utilisez ISO 4217, p. ex. USD, EUR)",
  period_order: "La période ne peut pas finir avant de commencer",
  too_long: "Au plus {maximum} caractères",
  too_short: "Au moins {minimum} caractères",
  number_too_small: "Au moins {minimum}",
  number_too_big: "Au plus {maximum}",
  invalid_type: "Manquant, ou d'un type inattendu (attendu : {expected})",
  invalid_value: "Attendu l'une de ces valeurs : {values}",
  invalid_format: "Pas au format attendu",
  unknown_organization: "Organisation inconnue {code}",
  unknown_operation: "Opération inconnue {code}",
  unknown_task: "Aucune tâche prioritaire {task} dans les mandats de cette opération",
  task_needs_operation: "Une tâche exige une opération",
  amount_decimals: "{currency} admet {decimals} décimales",
  amount_one_decimal: "{currency} admet 1 décimale",
  amount_too_large: "Le montant est trop grand",
  amount_invalid: "Ce n'est pas un montant valide en {currency}",
  no_rate:
    "Aucun taux {currency} en vigueur le {date} : saisissez d'abord le taux opérationnel de l'ONU",
  status_forward_only:
    "Une contribution au statut « {status} » ne peut qu'avancer (annoncée → engagée → versée)",
  status_date_before: "Le nouveau statut ne peut pas être daté avant l'actuel ({date})",
  ref_twice_in_rows: "{ref} apparaît deux fois dans ces lignes",
  ref_exists: "Un flux de référence {ref} existe déjà",
  usd_needs_no_rate: "L'USD n'a pas besoin de taux",
  rate_would_leave_gap: "{what} daté du {date} n'aurait aucun taux {currency} en vigueur",
  unknown_source: "Organisation inconnue {code}",
  columns_canonical_only:
    "Les colonnes ne s'associent que pour les fichiers CSV et XLSX d'un type standard",
  columns_unknown: "Pas de colonne de ce nom dans {kind} : {columns}",
  columns_twice: "Deux colonnes du fichier sont associées à {columns}",
  not_base64: "{file} : le contenu n'est pas en base64",
  job_not_found: "Pas d'import en cours de ce numéro (ou il a expiré)",
  job_failed: "L'import a échoué sur le serveur : rien n'a été écrit",
};

/** A message as the server sent it: code (maybe unknown), parameters and English text. */
export interface ServerMessage {
  code?: string | null | undefined;
  params?: Record<string, string | number> | null | undefined;
  text: string;
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A server message in the interface language: French from the table, English (or an unknown
 * code) as the server wrote it.
 * @example serverText({ code: "not_a_decimal", params: {}, text: "not a decimal number" }, "fr", "reason") // → "n'est pas un nombre décimal"
 */
export function serverText(
  message: ServerMessage,
  locale: Locale,
  table: "reason" | "api",
): string {
  if (locale === "en" || !message.code) return message.text;
  const templates: Record<string, string> = table === "reason" ? reasonsFr : apiMessagesFr;
  const template = templates[message.code];
  return template === undefined ? message.text : fill(template, message.params ?? {});
}

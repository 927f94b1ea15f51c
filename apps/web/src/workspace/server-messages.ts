// What the server says about an import (why a row or a file is refused, why an undo is refused)
// in the user's language; the API's own messages are in ../i18n/api-messages-fr.ts. The server
// sends a stable code with parameters beside its English text; English is shown as the server
// wrote it, French from these templates (a test checks that every code the server has is here,
// with the same parameters). An unknown code shows the server's English.
import type { ReasonCode } from "@coherence/api";
import { apiMessagesFr } from "../i18n/api-messages-fr";
import type { Locale } from "../i18n/messages";
import { localText } from "../i18n/server-text";
import type { ServerMessage } from "../i18n/server-text";

export type { ServerMessage };

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
  not_xlsx_xls:
    "ce n'est pas un fichier XLSX (c'est un ancien fichier Excel (.xls) : enregistrez-le en .xlsx ou en CSV UTF-8)",
  not_xlsx_pdf: "ce n'est pas un fichier XLSX (c'est un fichier PDF, pas du texte)",
  not_xlsx_utf16: "ce n'est pas un fichier XLSX (c'est du texte UTF-16 : enregistrez-le en UTF-8)",
  not_xlsx_binary: "ce n'est pas un fichier XLSX (fichier binaire : il contient des octets NUL)",
  xlsx_damaged: "fichier XLSX illisible : il est tronqué ou endommagé",
  empty_worksheet: "la feuille est vide : elle n'a pas de ligne d'en-tête",
  not_utf8_text: "le fichier n'est pas du texte UTF-8 valide",
  cell_not_a_date: "ce n'est pas une date valide",
  cell_date_with_time: "une date avec une heure : donnez la date seule",
  cell_not_finite: "ce n'est pas un nombre fini",
  cell_error: "la cellule contient l'erreur {error}",
  cell_formula_no_value: "une formule sans valeur enregistrée : collez-la en tant que valeur",
  cell_unknown_type: "une cellule d'un type inconnu",
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
  crosswalk_sum:
    "les parts totalisent {sum}, pas 1 (catégorie « {category} » de la nomenclature « {taxonomy} », lignes {lines})",
  crosswalk_share_range:
    "la part « {share} » n'est pas un nombre de ]0, 1] (catégorie « {category} » de la nomenclature « {taxonomy} », lignes {lines})",
  crosswalk_listed_twice:
    "la catégorie commune {common} figure deux fois (catégorie « {category} » de la nomenclature « {taxonomy} », lignes {lines})",
  crosswalk_unknown_common:
    "catégorie commune inconnue « {common} » (catégorie « {category} » de la nomenclature « {taxonomy} », lignes {lines})",
  unknown_operation: "opération inconnue {code}",
  unknown_organization:
    "organisation inconnue {code} (importez-la d'abord avec le type « organisations »)",
  no_task_in_mandates: "aucune tâche prioritaire {task} dans les mandats de {operation}",
  duplicate_across_files: "{columns} en double : déjà dans {first}",
  duplicate_requirement_stage: "(external_ref, stage) en double : déjà à la ligne {line}",
  missing_rate:
    "aucun taux {currency} en vigueur le {date} : importez d'abord le taux opérationnel de l'ONU",
  usd_rate_one: "un taux pour l'USD doit valoir 1",
  conversion_too_large: "trop grand une fois converti en USD",
  conversion_failed: "ne peut pas être converti en USD au taux {currency} en vigueur le {date}",
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
  not_assigned_flows_no_operation:
    "vous ne pouvez pas écrire de flux vers {recipient} hors d'une opération : hors de vos affectations",
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
  fts_missing_column: "colonne manquante (est-ce un export des flux de FTS ?)",
  fts_not_flow_object: "ce n'est pas un objet flux",
  fts_missing_id: "identifiant du flux manquant",
  fts_unknown_status: "statut inconnu : attendu pledge, commitment ou paid",
  fts_not_amount: "ce n'est pas un nombre positif ou nul",
  fts_usd_decimals: "plus de 2 décimales",
  fts_unknown_boundary: "boundary inconnu : attendu incoming, internal ou outgoing",
  fts_unknown_on_boundary: "onBoundary inconnu : attendu single ou shared",
  json_truncated: "JSON non valide (un téléchargement tronqué ?) : le fichier se termine trop tôt",
  json_invalid: "JSON non valide (un téléchargement tronqué ou endommagé ?)",
  fts_answer_array:
    "ce n'est pas une réponse de FTS sur les flux : attendu un objet avec data.flows (fts/flow/custom-search), trouvé un tableau JSON",
  fts_answer_object:
    "ce n'est pas une réponse de FTS sur les flux : attendu un objet avec data.flows (fts/flow/custom-search), trouvé un objet avec les clés {keys}",
  fts_answer_value:
    "ce n'est pas une réponse de FTS sur les flux : attendu un objet avec data.flows (fts/flow/custom-search), trouvé une valeur JSON de type {type}",
  iati_not_activity_file:
    "ce n'est pas un fichier d'activités IATI : l'élément racine est <{root}>, attendu <iati-activities>",
  iati_no_identifier: "une activité sans identifiant",
  iati_version: "IATI version {version} : seuls les fichiers d'activités 2.0x sont pris en charge",
  iati_transaction_currency: "code de devise inconnu (transaction {index} de {activity})",
  iati_budget_currency: "code de devise inconnu (budget {index} de {activity})",
  xml_unclosed:
    "XML mal formé : l'élément <{tag}> n'est jamais fermé (un téléchargement tronqué ?)",
  xml_unexpected_end:
    "XML mal formé : le fichier se termine trop tôt (un téléchargement tronqué ?)",
  xml_undefined_entity: "XML mal formé : une entité non définie",
  xml_not_well_formed: "XML mal formé",
  xml_entities:
    "le fichier déclare des entités XML dans son DOCTYPE : refusé (l'expansion d'entités et les entités externes sont dangereuses)",
  xml_too_deep: "des éléments imbriqués sur plus de 200 niveaux",
  xml_no_element: "aucun élément XML trouvé",
  un_rates_no_header: "aucune ligne d'en-tête avec les colonnes {columns}",
  not_positive_decimal: "ce n'est pas un nombre décimal positif",
  un_rates_date:
    "ce n'est pas une date (acceptées : 2025-01-01, 1-Jan-2025, 01-JAN-25, 1 January 2025, 01.01.2025)",
  un_rates_conflict: "contredit la ligne {line} : {currency} au {date} y vaut {rate}",
  undo_changed_by: "modifié depuis l'import par {who} le {at}",
  undo_changed: "modifié depuis l'import",
  undo_deleted: "supprimé depuis l'import",
  undo_not_assigned: "hors de vos affectations",
  undo_kept_referenced:
    "conservé : des enregistrements supprimés y renvoient encore (ils restent dans l'historique)",
};

/**
 * A server message in the interface language: French from the table of import reasons or of the
 * API's messages, English (or an unknown code) as the server wrote it.
 * @example serverText({ code: "not_a_decimal", params: {}, text: "not a decimal number" }, "fr", "reason") // → "n'est pas un nombre décimal"
 */
export function serverText(
  message: ServerMessage,
  locale: Locale,
  table: "reason" | "api",
): string {
  return localText(message, locale, table === "reason" ? reasonsFr : apiMessagesFr);
}

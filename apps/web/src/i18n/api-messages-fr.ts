// The API's own messages in French (the server's API_MESSAGES: refusals, conflicts, field
// messages), shared by every page: sign-in, a page that fails to load, the workspace's forms.
// A test checks that every code the server has is here, with the same parameters.
import type { ApiMessageCode } from "@coherence/api";

export const apiMessagesFr: Record<ApiMessageCode, string> = {
  sign_in_first: "Connectez-vous d'abord",
  reviewers_read_only: "Les examinateurs ont un accès en lecture seule",
  admin_only: "Seul un administrateur peut faire cela",
  enter_username: "Saisissez votre nom d'utilisateur",
  enter_password: "Saisissez votre mot de passe",
  wrong_credentials: "Nom d'utilisateur ou mot de passe incorrect",
  too_many_sign_ins: "Trop de connexions échouées : attendez 15 minutes et réessayez",
  no_user_account: "Aucun compte utilisateur",
  current_password_wrong: "Le mot de passe actuel est incorrect",
  token_needs_password: "Connectez-vous avec un mot de passe pour créer des jetons",
  token_not_found: "Vous n'avez aucun jeton de ce numéro",
  username_characters: "Utilisez des lettres minuscules, des chiffres, . _ @ -",
  assignment_empty: "Indiquez une opération, une entité ou les deux",
  assignment_unknown_operation: "Affectation {index} : opération inconnue {code}",
  assignment_unknown_entity: "Affectation {index} : entité inconnue {code}",
  account_changed: "Ce compte a été modifié par quelqu'un d'autre : rechargez-le",
  not_assigned_flow:
    "Vous n'êtes pas affecté à l'opération et au bénéficiaire de ce flux : demandez à un administrateur de vous affecter",
  not_assigned_flow_of:
    "Vous n'êtes pas affecté à l'opération {operation} / {recipient} : demandez à un administrateur de vous affecter",
  not_assigned_flow_no_operation:
    "Vous n'êtes pas affecté à {recipient} hors d'une opération : demandez à un administrateur de vous affecter",
  not_assigned_budget_line:
    "Vous n'êtes pas affecté à l'opération et à l'entité de cette ligne budgétaire : demandez à un administrateur de vous affecter",
  not_assigned_budget_line_of:
    "Vous n'êtes pas affecté à l'opération {operation} / {entity} : demandez à un administrateur de vous affecter",
  not_assigned_operation:
    "Vous n'êtes pas affecté à l'opération {operation} : demandez à un administrateur de vous affecter",
  not_assigned_mandate:
    "Vous n'êtes pas affecté à l'opération de ce mandat : demandez à un administrateur de vous affecter",
  not_assigned_taxonomy:
    "Vous n'êtes affecté à aucune entité qui utilise la nomenclature {taxonomy}",
  import_outside_assignments: "Cet import a touché des enregistrements hors de vos affectations",
  record_changed: "Cet enregistrement a été modifié par {who} le {at} (révision {version})",
  record_changed_unknown:
    "Cet enregistrement a été modifié par quelqu'un d'autre le {at} (révision {version})",
  crosswalk_changed:
    "La table de correspondance de {taxonomy}/{category} a été modifiée par {who} depuis que vous l'avez ouverte",
  crosswalk_changed_unknown:
    "La table de correspondance de {taxonomy}/{category} a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte",
  same_key_exists: "Un enregistrement avec la même clé existe déjà",
  import_running: "Un de vos imports est encore en cours : attendez qu'il se termine",
  date_required: "Saisissez une date, sous la forme AAAA-MM-JJ",
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
  years_range: "Choisissez au plus 30 ans, dans l'ordre",
  task_bucket:
    "Le chiffre d'une tâche est dans la catégorie « tâche » : omettez la catégorie ou choisissez « tâche »",
  too_long: "Au plus {maximum} caractères",
  too_short: "Au moins {minimum} caractères",
  number_too_small: "Au moins {minimum}",
  number_too_big: "Au plus {maximum}",
  invalid_type: "Manquant, ou d'un type inattendu (attendu : {expected})",
  invalid_value: "Attendu l'une de ces valeurs : {values}",
  invalid_format: "Pas au format attendu",
  unknown_keys: "Champs inconnus : {keys}",
  units_per_usd_format: "Unités de la devise pour 1 USD, p. ex. 0.775",
  rate_positive: "Un taux doit être supérieur à zéro",
  country_code: "Un code ISO 3166 alpha-3, p. ex. CAF",
  month_range: "Un mois de 1 à 12",
  rate_percent_format: "Un pourcentage avec au plus 6 décimales, p. ex. 26.94",
  too_many_columns: "Au plus 500 colonnes",
  mandate_needs_task: "Un mandat exige au moins une tâche prioritaire",
  tasks_share_rank: "Deux tâches ont le même rang",
  tasks_share_code: "Deux tâches ont le même code",
  record_not_found: "Aucun enregistrement {id} dans {table}",
  unknown_organization: "Organisation inconnue {code}",
  unknown_operation: "Opération inconnue {code}",
  unknown_task: "Aucune tâche prioritaire {task} dans les mandats de cette opération",
  unknown_taxonomy: "Nomenclature inconnue {code}",
  unknown_mandate: "Aucun mandat {resolution} dans {operation}",
  rate_not_found: "Ce taux n'existe pas",
  already_deleted: "Déjà supprimé",
  not_deleted: "Pas supprimé",
  record_referenced:
    "L'enregistrement renvoie à quelque chose qui n'existe pas, ou d'autres enregistrements y renvoient encore",
  ledger_rule: "La valeur enfreint une règle du registre (p. ex. un montant négatif)",
  task_needs_operation: "Une tâche exige une opération",
  budget_line_stage_exists: "La ligne budgétaire {ref} a déjà une ligne au stade « {stage} »",
  crosswalk_sum: "Les parts totalisent {sum}, pas 1",
  crosswalk_share_range: "La part {share} n'est pas un nombre supérieur à 0 et au plus égal à 1",
  crosswalk_listed_twice: "{common} figure deux fois",
  crosswalk_unknown_common: "Catégorie commune inconnue {common}",
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
  flow_would_lose_rate: "Le flux {ref} daté du {date} n'aurait aucun taux {currency} en vigueur",
  budget_line_would_lose_rate:
    "La ligne budgétaire {ref} datée du {date} n'aurait aucun taux {currency} en vigueur",
  rate_invalid: "Ce taux n'est pas utilisable : unités de la devise pour 1 USD, supérieures à zéro",
  date_invalid: "Date ou période non valide",
  computation_refused:
    "Les chiffres ne peuvent pas être calculés à partir de ces enregistrements ({code})",
  unknown_source: "Organisation inconnue {code}",
  columns_canonical_only:
    "Les colonnes ne s'associent que pour les fichiers CSV et XLSX d'un type standard",
  columns_unknown: "Pas de colonne de ce nom dans {kind} : {columns}",
  columns_twice: "Deux colonnes du fichier sont associées à {columns}",
  not_base64: "{file} : le contenu n'est pas en base64",
  upload_too_large: "Au plus 20 Mo de fichiers à la fois",
  files_or_upload: "Donnez soit les fichiers, soit le numéro d'un fichier déposé",
  upload_not_found:
    "Ce fichier déposé n'existe pas (ou il a expiré) : choisissez à nouveau le fichier",
  uploads_full:
    "Le serveur garde trop de fichiers déposés en ce moment : réessayez dans quelques minutes",
  job_not_found: "Pas d'import en cours de ce numéro (ou il a expiré)",
  job_failed: "L'import a échoué sur le serveur : rien n'a été écrit",
  import_not_found: "Aucun import n° {id}",
  import_already_undone: "L'import n° {id} a déjà été annulé le {at} par {who}",
  mapping_invalid: "La correspondance n'est pas valide",
};

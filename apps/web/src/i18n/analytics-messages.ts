// Every string the analytic views show, in English and French. Loaded with those views only, so
// the first page stays small; a test checks that both catalogs have the same keys and parameters.
import { useLocale } from "./locale";

export const analyticsEn = {
  navAnalytics: "Analytic views",
  views: {
    overview: "Gap by task",
    timeline: "Funding over time",
    flows: "Who funds what",
    coverage: "Coverage by period",
    predictability: "Predictability",
    execution: "Budget execution",
    scorecards: "Entity scorecards",
  } as Record<string, string>,
  viewTitle: (view: string, op: string) => `${op}: ${view.toLowerCase()}`,
  filterTask: "task",
  filterNotApplicable: (what: string) =>
    `This view is not broken down by ${what}: the filter is kept for the other views.`,
  openDonor: (name: string) => `Open the donor view of ${name}`,
  whyTitle: (what: string) => `Why this number? ${what}`,
  whyClose: "Close the explanation",
  whyIntro: "Every record behind the figure, with the steps applied to it.",
  // timeline
  timelineIntro:
    "Each contribution counts on the day it was pledged, committed and paid (from its dated history), added up over time. The dashed levels are the requirement of each peacekeeping year; the lanes underneath run from each pledge to its payment.",
  timelineChartTitle: (op: string) => `Pledged, committed and paid money over time, ${op}`,
  timelineChartDescription:
    "Cumulative money ever pledged, committed and paid, stepping up on the day each contribution reached each status; dashed levels mark each peacekeeping year's requirement; one lane per contribution from its pledge to its payment, dashed to the end while unpaid.",
  statusesEver: { pledged: "Pledged (ever)", committed: "Committed", paid: "Paid" } as Record<
    string,
    string
  >,
  requirementLevel: "Requirement of the peacekeeping year",
  lagsTitle: "From pledge to payment, one lane per contribution",
  unpaidLane: "dashed while not yet paid",
  lagTooltip: (
    flow: string,
    pledged: string,
    paid: string | null,
    days: number | null,
    amount: string,
  ) =>
    paid
      ? `Contribution ${flow}: pledged ${pledged}, paid ${paid} (${days ?? 0} days), ${amount}`
      : `Contribution ${flow}: pledged ${pledged}, not paid yet, ${amount}`,
  medianLag: "Median days from pledge to payment",
  medianLagValue: (days: number) => `${days} days`,
  noLag: "no contribution has gone from pledge to payment yet",
  month: "Month",
  timelineCaption: (op: string) => `Cumulative money by month, ${op}`,
  lagCaption: "Contributions from pledge to payment",
  pledgedOn: "Pledged on",
  paidOn: "Paid on",
  days: "Days",
  notYet: "not yet",
  noEvents: "No contribution has a dated status for this selection.",
  whyMonth: (status: string, month: string) => `${status} by the end of ${month}`,
  eventsSum: (n: number, total: string) =>
    n === 1 ? `1 status change, summing to ${total}.` : `${n} status changes, summing to ${total}.`,
  requirementCaption: "Requirement by peacekeeping year",
  // flows
  flowsIntro:
    "Money from each donor to the entity that receives it and on to the priority tasks. Transfers through pooled funds are their own kind of link and are counted once: a fund's inflow equals what it passes on plus what it has not allocated yet. Select a node to filter the other views by it.",
  flowsChartTitle: (op: string, period: string) =>
    `Flows from donors to entities to tasks, ${op}, ${period}`,
  flowsChartDescription:
    "A Sankey diagram: each band's width is its money. Donors on the left, pooled funds and entities in the middle, priority tasks and unallocated balances on the right.",
  linkKinds: {
    contribution: "Contribution",
    transfer: "Transfer through a pooled fund",
    allocation: "Allocation to a task",
  } as Record<string, string>,
  nodeKinds: {
    organization: "Donor or entity",
    pooled_fund: "Pooled fund",
    task: "Priority task",
    unallocated: "Not yet allocated",
  } as Record<string, string>,
  nodeLabel: (name: string, kind: string, inText: string, outText: string, selected: boolean) =>
    `${name} (${kind}): in ${inText}, out ${outText}.${selected ? " Selected: filters the other views; select again to clear." : " Select to filter the other views."}`,
  unallocatedOf: (fund: string) => `${fund}: not yet allocated`,
  carryoverOf: (fund: string) => `${fund}: balance from earlier periods`,
  notSpecifiedTask: "Not specified",
  flowsCaption: (op: string, period: string) => `Flows, ${op}, ${period}`,
  fromNode: "From",
  toNode: "To",
  linkKind: "Kind",
  noFlowsInPeriod: "No money moved in this period.",
  omittedLinks: (n: number) => `${n} link(s) would close a loop and are listed in the table only.`,
  selectedNode: (name: string) => `Selected: ${name}`,
  // coverage
  coverageIntro:
    "Coverage (funded ÷ requirement) of every priority task in every period: colour and value. One tab stop: use the arrow keys to move between cells, Home/End, Page Up/Down, and Enter to see the records behind a cell.",
  gridKind: "Years",
  gridKinds: {
    calendar: "Calendar years",
    peacekeeping: "Peacekeeping years (July–June)",
  } as Record<string, string>,
  granularity: "Columns",
  granularities: { year: "Years", quarter: "Quarters" } as Record<string, string>,
  fromYear: "From year",
  toYear: "To year",
  heatmapTitle: (op: string) => `Coverage by priority task and period, ${op}`,
  heatmapDescription:
    "Coverage (funded ÷ requirement) of each priority task, in rank order (rows), in each period (columns). Each cell shows its value; its colour is the band of the legend. A dash marks a period with no requirement.",
  heatmapInstructions:
    "Arrow keys move between cells; Home and End go to the row's ends, Ctrl+Home and Ctrl+End to the corners; Page Up and Page Down move by a page; Enter or Space shows the records behind the cell.",
  bands: ["under 25%", "25–50%", "50–75%", "75–100%", "100% or more"],
  cellDescription: (
    task: string,
    period: string,
    coverage: string,
    funded: string,
    requirement: string,
    gap: string,
  ) => `${task}, ${period}: coverage ${coverage}; funded ${funded} of ${requirement}; gap ${gap}.`,
  coverageCaption: (op: string) => `Coverage by priority task and period, ${op}`,
  noTasksInRange: "No priority task in this range of years.",
  cellWhy: (task: string, period: string) => `${task}, ${period}`,
  // predictability
  predictabilityIntro:
    "Can the operation count on its money? Each measure as the review defines it (BRIEF item 10): hover or focus a measure for its definition.",
  asOf: "Review date",
  measures: {
    pledgeFulfilment: "Pledge fulfilment",
    medianDays: "Median days from pledge to payment",
    arrears: "Arrears",
    multiYearShare: "Multi-year share",
    assessedShare: "Assessed share",
    volatility: "Volatility",
  } as Record<string, string>,
  definitions: {
    pledgeFulfilment:
      "Paid ÷ value ever pledged, over contributions that were ever pledged, as they stood on the review date.",
    medianDays:
      "Median number of days from a contribution's first pledge to its payment, over contributions that reached paid.",
    arrears:
      "Assessed contributions committed and still unpaid 30 days or more after their commitment date.",
    multiYearShare: "Funded money whose usage period is longer than 366 days ÷ all funded money.",
    assessedShare: "Assessed funded money ÷ all funded money.",
    volatility:
      "Coefficient of variation (standard deviation ÷ mean) of annual voluntary funding over the last five full calendar years.",
  } as Record<string, string>,
  notDefined: "not defined (nothing to divide by)",
  paymentsCounted: (n: number) => `over ${n} payment(s)`,
  ratioOf: (num: string, den: string) => `${num} of ${den}`,
  arrearsCaption: "Assessed contributions in arrears",
  committedOn: "Committed on",
  daysUnpaid: "Days unpaid",
  noArrears: "No arrears on the review date.",
  annualCaption: "Voluntary funding by calendar year (for volatility)",
  // predictability explanations
  whyMeasure: (value: string, measure: string) => `${value} — why this number? ${measure}`,
  fulfilmentEquation: (paid: string, pledged: string, pct: string, exact: string) =>
    `Pledge fulfilment = paid ÷ pledged = ${paid} ÷ ${pledged} = ${pct} (exactly ${exact}).`,
  shareEquation: (name: string, part: string, whole: string, pct: string, exact: string) =>
    `${name} = ${part} ÷ ${whole} = ${pct} (exactly ${exact}).`,
  medianEquation: (n: number, days: string) =>
    n === 0
      ? "No contribution has gone from pledge to payment yet."
      : `Median of ${n} payment delay(s), in order below = ${days} days.`,
  volatilityEquation: (mean: string, sd: string, cv: string) =>
    `Mean of the five years ${mean}; standard deviation ${sd}; volatility = standard deviation ÷ mean = ${cv}.`,
  volatilityUndefined: "No voluntary funding in the five years: volatility is not defined.",
  arrearsEquation: (n: number, total: string) =>
    `${n} assessed contribution(s) in arrears, summing to ${total}.`,
  recordsSum: "Sum of the records listed",
  pledgesCaption: "Contributions ever pledged",
  fundedCaption: "Contributions funded (committed or paid)",
  yearsCaption: "Voluntary funding of each of the five years, and the contributions it comes from",
  firstPledgedOn: "First pledged on",
  pledgedUsd: "Pledged (USD)",
  statusOnReview: "Status on the review date",
  paidUsd: "Paid (USD)",
  daysToPayment: "Days to payment",
  countedOn: "Counted on",
  usagePeriod: "Usage period",
  usageDays: "Days of use",
  longerThanYear: "Longer than 366 days",
  assessedColumn: "Assessed",
  inNumerator: "In the numerator (USD)",
  yearParts: "Contributions (their part of the year)",
  yes: "yes",
  no: "no",
  filteredBy: (what: string) => `Money filtered by ${what}.`,
  // execution
  executionIntro:
    "Appropriated against expended, per entity: the unencumbered balance is appropriated − expended, the implementation rate expended ÷ appropriated.",
  appropriated: "Appropriated",
  expended: "Expended",
  unencumbered: "Unencumbered balance",
  implementationRate: "Implementation rate",
  executionCaption: (op: string, period: string) => `Budget execution by entity, ${op}, ${period}`,
  executionBar: (entity: string, app: string, exp: string) =>
    `${entity}: appropriated ${app}, expended ${exp}`,
  noExecution: "No appropriation or expenditure for this period.",
  // scorecards
  scorecardsIntro:
    "For each entity: its share of each priority task's funding and of the unfunded need (the entity's own requirement it has not funded), and how its own coverage follows the mandate's ranking.",
  scorecardsCaption: (op: string, period: string) => `Entity scorecards, ${op}, ${period}`,
  shareOfFunding: "share of funding",
  shareOfGap: "share of gap",
  alignment: "Alignment with the ranking",
  inversions: "Inversions",
  tasksEngaged: "Tasks engaged",
  untaskedShare: "Not tied to a task",
  sharesCaption: (op: string, period: string) =>
    `Each entity's share of each task's funding and gap, ${op}, ${period}`,
  noScorecards: "No entity has money or requirements for this period.",
  // donor
  donorTitle: (name: string) => `Donor: ${name}`,
  donorIntro:
    "A donor's contributions across operations and priority tasks, how earmarked they are, and its payment record.",
  byOperationTask: "By operation and priority task",
  earmarkingMix: "Earmarking mix",
  earmarkings: {
    unearmarked: "Unearmarked",
    softly_earmarked: "Softly earmarked",
    earmarked: "Earmarked",
    tightly_earmarked: "Tightly earmarked",
    unspecified: "Not given",
  } as Record<string, string>,
  paymentRecord: "Payment record",
  fundedShort: "Funded",
  pledgedOnly: "Pledged, not committed",
  share: "Share",
  noOperation: "No operation",
  earmarkingBar: (parts: string) => `Earmarking mix: ${parts}`,
  noDonorFlows: "This donor has no recorded contribution.",
  donorTimeline: "Funding over time in",
};

export type AnalyticsMessages = typeof analyticsEn;

export const analyticsFr: AnalyticsMessages = {
  navAnalytics: "Vues analytiques",
  views: {
    overview: "Déficit par tâche",
    timeline: "Financement dans le temps",
    flows: "Qui finance quoi",
    coverage: "Couverture par période",
    predictability: "Prévisibilité",
    execution: "Exécution du budget",
    scorecards: "Fiches des entités",
  },
  viewTitle: (view, op) => `${op} : ${view.toLowerCase()}`,
  filterTask: "tâche",
  filterNotApplicable: (what) =>
    `Cette vue n'est pas ventilée par ${what} : le filtre est conservé pour les autres vues.`,
  openDonor: (name) => `Ouvrir la vue donateur de ${name}`,
  whyTitle: (what) => `Pourquoi ce chiffre ? ${what}`,
  whyClose: "Fermer l'explication",
  whyIntro: "Chaque enregistrement derrière le chiffre, avec les étapes qui lui sont appliquées.",
  timelineIntro:
    "Chaque contribution compte le jour où elle a été annoncée, engagée et versée (d'après son historique daté), cumulée dans le temps. Les paliers en tirets sont le besoin de chaque exercice de maintien de la paix ; les lignes du dessous vont de chaque annonce à son versement.",
  timelineChartTitle: (op) => `Fonds annoncés, engagés et versés dans le temps, ${op}`,
  timelineChartDescription:
    "Montants cumulés jamais annoncés, engagés et versés, en escalier au jour où chaque contribution a atteint chaque statut ; les paliers en tirets marquent le besoin de chaque exercice ; une ligne par contribution de son annonce à son versement, en tirets jusqu'au bout tant qu'elle n'est pas versée.",
  statusesEver: { pledged: "Annoncé (cumul)", committed: "Engagé", paid: "Versé" },
  requirementLevel: "Besoin de l'exercice de maintien de la paix",
  lagsTitle: "De l'annonce au versement, une ligne par contribution",
  unpaidLane: "en tirets tant que non versée",
  lagTooltip: (flow, pledged, paid, days, amount) =>
    paid
      ? `Contribution ${flow} : annoncée le ${pledged}, versée le ${paid} (${days ?? 0} jours), ${amount}`
      : `Contribution ${flow} : annoncée le ${pledged}, pas encore versée, ${amount}`,
  medianLag: "Délai médian de l'annonce au versement",
  medianLagValue: (days) => `${days} jours`,
  noLag: "aucune contribution n'est encore passée de l'annonce au versement",
  month: "Mois",
  timelineCaption: (op) => `Montants cumulés par mois, ${op}`,
  lagCaption: "Contributions, de l'annonce au versement",
  pledgedOn: "Annoncée le",
  paidOn: "Versée le",
  days: "Jours",
  notYet: "pas encore",
  noEvents: "Aucune contribution n'a de statut daté pour cette sélection.",
  whyMonth: (status, month) => `${status} à la fin de ${month}`,
  eventsSum: (n, total) =>
    n === 1
      ? `1 changement de statut, pour un total de ${total}.`
      : `${n} changements de statut, pour un total de ${total}.`,
  requirementCaption: "Besoin par exercice de maintien de la paix",
  flowsIntro:
    "Les fonds de chaque donateur vers l'entité qui les reçoit, puis vers les tâches prioritaires. Les transferts par les fonds communs sont un type de lien à part et ne sont comptés qu'une fois : ce qu'un fonds reçoit égale ce qu'il transmet plus ce qu'il n'a pas encore alloué. Sélectionnez un nœud pour filtrer les autres vues.",
  flowsChartTitle: (op, period) =>
    `Flux des donateurs vers les entités et les tâches, ${op}, ${period}`,
  flowsChartDescription:
    "Un diagramme de Sankey : la largeur de chaque bande est son montant. Donateurs à gauche, fonds communs et entités au milieu, tâches prioritaires et soldes non alloués à droite.",
  linkKinds: {
    contribution: "Contribution",
    transfer: "Transfert par un fonds commun",
    allocation: "Allocation à une tâche",
  },
  nodeKinds: {
    organization: "Donateur ou entité",
    pooled_fund: "Fonds commun",
    task: "Tâche prioritaire",
    unallocated: "Pas encore alloué",
  },
  nodeLabel: (name, kind, inText, outText, selected) =>
    `${name} (${kind}) : entrées ${inText}, sorties ${outText}.${selected ? " Sélectionné : filtre les autres vues ; sélectionnez à nouveau pour effacer." : " Sélectionnez pour filtrer les autres vues."}`,
  unallocatedOf: (fund) => `${fund} : pas encore alloué`,
  carryoverOf: (fund) => `${fund} : solde des périodes précédentes`,
  notSpecifiedTask: "Non précisé",
  flowsCaption: (op, period) => `Flux, ${op}, ${period}`,
  fromNode: "De",
  toNode: "Vers",
  linkKind: "Type",
  noFlowsInPeriod: "Aucun mouvement de fonds sur cette période.",
  omittedLinks: (n) => `${n} lien(s) fermeraient une boucle et ne figurent que dans le tableau.`,
  selectedNode: (name) => `Sélection : ${name}`,
  coverageIntro:
    "Couverture (financé ÷ besoin) de chaque tâche prioritaire sur chaque période : couleur et valeur. Un seul arrêt de tabulation : les flèches déplacent entre les cellules, Début/Fin, Page préc./suiv., et Entrée montre les enregistrements derrière une cellule.",
  gridKind: "Années",
  gridKinds: {
    calendar: "Années civiles",
    peacekeeping: "Exercices de maintien de la paix (juillet–juin)",
  },
  granularity: "Colonnes",
  granularities: { year: "Années", quarter: "Trimestres" },
  fromYear: "De l'année",
  toYear: "À l'année",
  heatmapTitle: (op) => `Couverture par tâche prioritaire et période, ${op}`,
  heatmapDescription:
    "Couverture (financé ÷ besoins) de chaque tâche prioritaire, par ordre de rang (lignes), pour chaque période (colonnes). Chaque cellule affiche sa valeur ; sa couleur est la tranche de la légende. Un tiret marque une période sans besoins.",
  heatmapInstructions:
    "Les flèches déplacent entre les cellules ; Début et Fin vont aux extrémités de la ligne, Ctrl+Début et Ctrl+Fin aux coins ; Page préc. et Page suiv. d'une page ; Entrée ou Espace montre les enregistrements derrière la cellule.",
  bands: ["moins de 25 %", "25–50 %", "50–75 %", "75–100 %", "100 % ou plus"],
  cellDescription: (task, period, coverage, funded, requirement, gap) =>
    `${task}, ${period} : couverture ${coverage} ; financé ${funded} sur ${requirement} ; déficit ${gap}.`,
  coverageCaption: (op) => `Couverture par tâche prioritaire et période, ${op}`,
  noTasksInRange: "Aucune tâche prioritaire sur ces années.",
  cellWhy: (task, period) => `${task}, ${period}`,
  predictabilityIntro:
    "L'opération peut-elle compter sur ses fonds ? Chaque mesure telle que la revue la définit (point 10 du BRIEF) : survolez ou sélectionnez une mesure pour sa définition.",
  asOf: "Date de la revue",
  measures: {
    pledgeFulfilment: "Réalisation des annonces",
    medianDays: "Délai médian de l'annonce au versement",
    arrears: "Arriérés",
    multiYearShare: "Part pluriannuelle",
    assessedShare: "Part des contributions statutaires",
    volatility: "Volatilité",
  },
  definitions: {
    pledgeFulfilment:
      "Versé ÷ valeur jamais annoncée, sur les contributions qui ont été annoncées, telles qu'à la date de la revue.",
    medianDays:
      "Nombre médian de jours entre la première annonce d'une contribution et son versement, sur les contributions versées.",
    arrears:
      "Contributions statutaires engagées et toujours impayées 30 jours ou plus après leur date d'engagement.",
    multiYearShare:
      "Fonds financés dont la période d'utilisation dépasse 366 jours ÷ tous les fonds financés.",
    assessedShare: "Fonds statutaires financés ÷ tous les fonds financés.",
    volatility:
      "Coefficient de variation (écart type ÷ moyenne) du financement volontaire annuel sur les cinq dernières années civiles complètes.",
  },
  notDefined: "non défini (rien à diviser)",
  paymentsCounted: (n) => `sur ${n} versement(s)`,
  ratioOf: (num, den) => `${num} sur ${den}`,
  arrearsCaption: "Contributions statutaires en arriérés",
  committedOn: "Engagée le",
  daysUnpaid: "Jours impayés",
  noArrears: "Aucun arriéré à la date de la revue.",
  annualCaption: "Financement volontaire par année civile (pour la volatilité)",
  whyMeasure: (value, measure) => `${value} — pourquoi ce chiffre ? ${measure}`,
  fulfilmentEquation: (paid, pledged, pct, exact) =>
    `Réalisation des annonces = versé ÷ annoncé = ${paid} ÷ ${pledged} = ${pct} (exactement ${exact}).`,
  shareEquation: (name, part, whole, pct, exact) =>
    `${name} = ${part} ÷ ${whole} = ${pct} (exactement ${exact}).`,
  medianEquation: (n, days) =>
    n === 0
      ? "Aucune contribution n'est encore passée de l'annonce au versement."
      : `Médiane de ${n} délai(s) de versement, dans l'ordre ci-dessous = ${days} jours.`,
  volatilityEquation: (mean, sd, cv) =>
    `Moyenne des cinq années ${mean} ; écart type ${sd} ; volatilité = écart type ÷ moyenne = ${cv}.`,
  volatilityUndefined:
    "Aucun financement volontaire sur les cinq années : la volatilité n'est pas définie.",
  arrearsEquation: (n, total) =>
    `${n} contribution(s) statutaire(s) en arriérés, pour un total de ${total}.`,
  recordsSum: "Somme des enregistrements listés",
  pledgesCaption: "Contributions ayant fait l'objet d'une annonce",
  fundedCaption: "Contributions financées (engagées ou versées)",
  yearsCaption:
    "Financement volontaire de chacune des cinq années, et les contributions dont il provient",
  firstPledgedOn: "Première annonce le",
  pledgedUsd: "Annoncé (USD)",
  statusOnReview: "Statut à la date de la revue",
  paidUsd: "Versé (USD)",
  daysToPayment: "Jours jusqu'au versement",
  countedOn: "Compté le",
  usagePeriod: "Période d'utilisation",
  usageDays: "Jours d'utilisation",
  longerThanYear: "Plus de 366 jours",
  assessedColumn: "Statutaire",
  inNumerator: "Au numérateur (USD)",
  yearParts: "Contributions (leur part de l'année)",
  yes: "oui",
  no: "non",
  filteredBy: (what) => `Fonds filtrés par ${what}.`,
  executionIntro:
    "Crédits ouverts et dépenses, par entité : le solde inutilisé est crédits − dépenses, le taux d'exécution dépenses ÷ crédits.",
  appropriated: "Crédits ouverts",
  expended: "Dépenses",
  unencumbered: "Solde inutilisé",
  implementationRate: "Taux d'exécution",
  executionCaption: (op, period) => `Exécution du budget par entité, ${op}, ${period}`,
  executionBar: (entity, app, exp) => `${entity} : crédits ${app}, dépenses ${exp}`,
  noExecution: "Aucun crédit ni dépense sur cette période.",
  scorecardsIntro:
    "Pour chaque entité : sa part du financement de chaque tâche prioritaire et du besoin non financé (le besoin propre de l'entité qu'elle n'a pas financé), et comment sa propre couverture suit le classement du mandat.",
  scorecardsCaption: (op, period) => `Fiches des entités, ${op}, ${period}`,
  shareOfFunding: "part du financement",
  shareOfGap: "part du déficit",
  alignment: "Alignement sur le classement",
  inversions: "Inversions",
  tasksEngaged: "Tâches concernées",
  untaskedShare: "Sans tâche",
  sharesCaption: (op, period) =>
    `Part de chaque entité dans le financement et le déficit de chaque tâche, ${op}, ${period}`,
  noScorecards: "Aucune entité n'a de fonds ni de besoins sur cette période.",
  donorTitle: (name) => `Donateur : ${name}`,
  donorIntro:
    "Les contributions d'un donateur par opération et par tâche prioritaire, leur degré d'affectation et son historique de versements.",
  byOperationTask: "Par opération et tâche prioritaire",
  earmarkingMix: "Répartition de l'affectation",
  earmarkings: {
    unearmarked: "Non affecté",
    softly_earmarked: "Affectation souple",
    earmarked: "Affecté",
    tightly_earmarked: "Affectation stricte",
    unspecified: "Non indiqué",
  },
  paymentRecord: "Historique des versements",
  fundedShort: "Financé",
  pledgedOnly: "Annoncé, non engagé",
  share: "Part",
  noOperation: "Aucune opération",
  earmarkingBar: (parts) => `Répartition de l'affectation : ${parts}`,
  noDonorFlows: "Ce donateur n'a aucune contribution enregistrée.",
  donorTimeline: "Financement dans le temps pour",
};

export const analyticsCatalogs = { en: analyticsEn, fr: analyticsFr } as const;

/** The analytic views' strings in the interface language. */
export function useAnalyticsMessages(): AnalyticsMessages {
  const { locale } = useLocale();
  return analyticsCatalogs[locale];
}

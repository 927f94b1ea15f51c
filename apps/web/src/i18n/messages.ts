// Every string the interface shows, in English and French. Components read them through
// useMessages(); none is written inside a component.
export const en = {
  appName: "Coherence",
  tagline: "Does the money match the mandate's priorities?",
  language: "Language",
  loading: "Loading…",
  loadFailed: "The server did not answer. Check your connection and try again.",
  retry: "Try again",
  operationGapsTitle: (operation: string) => `${operation}: funding gap by priority task`,
  chartTitle: (operation: string) => `Requirement and funding by priority task, ${operation}`,
  chartDescription:
    "For each priority task in mandate rank order: the requirement bar, the funded part (committed and paid) over it, and the unfunded gap hatched.",
  requirement: "requirement",
  funded: "funded",
  gap: "gap",
  pledged: "pledged, not committed",
  notSpecified: "Not specified",
  rank: "Rank",
  task: "Priority task",
  coverage: "Coverage",
  noRequirement: "no requirement",
  showAsTable: "Show as table",
  showAsChart: "Show as chart",
  amountsIn: "Amounts in US dollars; funded = committed + paid.",
  signInTitle: "Sign in to Coherence",
  username: "Username",
  password: "Password",
  signIn: "Sign in",
  signingIn: "Signing in…",
  signOut: "Sign out",
  signedInAs: (name: string, role: string) => `${name} (${role})`,
  roles: {
    admin: "administrator",
    finance_officer: "finance officer",
    reviewer: "reviewer",
  } as Record<string, string>,
};

export type Messages = typeof en;

export const fr: Messages = {
  appName: "Coherence",
  tagline: "Les fonds correspondent-ils aux priorités du mandat ?",
  language: "Langue",
  loading: "Chargement…",
  loadFailed: "Le serveur ne répond pas. Vérifiez la connexion et réessayez.",
  retry: "Réessayer",
  operationGapsTitle: (operation) => `${operation} : déficit de financement par tâche prioritaire`,
  chartTitle: (operation) => `Besoins et financement par tâche prioritaire, ${operation}`,
  chartDescription:
    "Pour chaque tâche prioritaire, dans l'ordre du mandat : la barre des besoins, la part financée (engagée et versée) par-dessus, et le déficit hachuré.",
  requirement: "besoins",
  funded: "financé",
  gap: "déficit",
  pledged: "annoncé, non engagé",
  notSpecified: "Non précisé",
  rank: "Rang",
  task: "Tâche prioritaire",
  coverage: "Couverture",
  noRequirement: "aucun besoin",
  showAsTable: "Afficher en tableau",
  showAsChart: "Afficher en graphique",
  amountsIn: "Montants en dollars des États-Unis ; financé = engagé + versé.",
  signInTitle: "Connexion à Coherence",
  username: "Nom d'utilisateur",
  password: "Mot de passe",
  signIn: "Se connecter",
  signingIn: "Connexion…",
  signOut: "Se déconnecter",
  signedInAs: (name, role) => `${name} (${role})`,
  roles: {
    admin: "administrateur",
    finance_officer: "chargé des finances",
    reviewer: "examinateur",
  },
};

export const catalogs = { en, fr } as const;
export type Locale = keyof typeof catalogs;

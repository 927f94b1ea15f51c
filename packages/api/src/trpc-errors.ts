// Error causes that the error formatter turns into structured data for the client.

/** An input problem tied to one field, shown next to that field in the web app. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Carries the current version of a record to the client that lost a concurrent write. */
export class ConflictDetails extends Error {
  constructor(readonly details: unknown) {
    super("conflict");
  }
}

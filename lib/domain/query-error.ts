/**
 * A question the data cannot answer as asked (a lab that does not exist): found where the data is
 * read, answered 400 by the API and as a message by the pages.
 */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
    this.name = "QueryError";
  }
}

/**
 * Pieces of JSON Schema that several Content API routes declare: a slug
 * parameter, the error answers every route may give, and a list answer.
 */

/** A slug or id in a path or query. */
export const slugParam = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** The answers 400 and 401, which every route may give. */
export const errorResponses = {
  400: { description: 'A parameter is wrong; `error.parameter` names it.', $ref: 'Error#' },
  401: { description: 'No API key, or one that does not work.', $ref: 'Error#' },
} as const;

/** An answer `{ [name]: item[] }`. */
export const listOf = (name: string, item: Record<string, unknown>) =>
  ({
    type: 'object',
    required: [name],
    properties: { [name]: { type: 'array', items: item } },
  }) as const;

import { badRequest } from "./errors";

/** A $filter token: a punctuation mark, a quoted string literal, or a bare word (name, operator, date). */
export type Token =
  { kind: "(" | ")" | "," } | { kind: "string"; value: string } | { kind: "word"; value: string };

export const invalidFilter = (filter: string, why: string, code = "BadRequest") =>
  badRequest(`Invalid filter clause: ${why} (in '${filter}')`, code);

export function tokenize(filter: string, code = "BadRequest"): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const char = filter[i]!;
    if (char === " ") {
      i += 1;
    } else if (char === "(" || char === ")" || char === ",") {
      tokens.push({ kind: char });
      i += 1;
    } else if (char === "'") {
      let value = "";
      i += 1;
      for (;;) {
        if (i >= filter.length) {
          throw invalidFilter(filter, "unterminated string literal", code);
        }
        if (filter[i] === "'" && filter[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (filter[i] === "'") {
          i += 1;
          break;
        } else {
          value += filter[i];
          i += 1;
        }
      }
      tokens.push({ kind: "string", value });
    } else {
      const match = /^[A-Za-z0-9_.:/+-]+/.exec(filter.slice(i));
      if (match === null) {
        throw invalidFilter(filter, `unexpected character '${char}'`, code);
      }
      tokens.push({ kind: "word", value: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

/** A cursor over tokens with the few checks every grammar here needs. */
export class TokenStream {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    readonly filter: string,
    readonly code = "BadRequest",
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.index];
  }

  done(): boolean {
    return this.index >= this.tokens.length;
  }

  next(): Token {
    const token = this.tokens[this.index];
    if (token === undefined) {
      throw invalidFilter(this.filter, "unexpected end of expression", this.code);
    }
    this.index += 1;
    return token;
  }

  word(expected?: string): string {
    const token = this.next();
    if (token.kind !== "word" || (expected !== undefined && token.value !== expected)) {
      throw invalidFilter(this.filter, `expected ${expected ?? "a name"}`, this.code);
    }
    return token.value;
  }

  string(): string {
    const token = this.next();
    if (token.kind !== "string") {
      throw invalidFilter(this.filter, "expected a quoted string", this.code);
    }
    return token.value;
  }

  punct(kind: "(" | ")" | ","): void {
    if (this.next().kind !== kind) {
      throw invalidFilter(this.filter, `expected '${kind}'`, this.code);
    }
  }

  isWord(value: string): boolean {
    const token = this.peek();
    return token?.kind === "word" && token.value === value;
  }
}

/**
 * `prop eq 'v' [CONNECTOR prop eq 'v']…` with props from an allow-list: the only shape of filter the
 * product sends to these endpoints. Anything else is a 400, never a silently wrong answer.
 */
export function parseEqClauses(
  filter: string,
  properties: readonly string[],
  connector: "and" | "or",
  code = "BadRequest",
): Array<{ property: string; value: string }> {
  const stream = new TokenStream(tokenize(filter, code), filter, code);
  const clauses: Array<{ property: string; value: string }> = [];
  do {
    if (clauses.length > 0) {
      stream.word(connector);
    }
    const property = stream.word();
    if (!properties.includes(property)) {
      throw invalidFilter(filter, `filtering on '${property}' is not supported`, code);
    }
    stream.word("eq");
    clauses.push({ property, value: stream.string() });
  } while (!stream.done());
  return clauses;
}

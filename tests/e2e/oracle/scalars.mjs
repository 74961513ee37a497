// The custom scalars of the contract (SPEC GQL-3) for the graphql-js side of the
// differential tests. `buildSchema` gives `DateTime` and `Upload` graphql-js's default
// custom-scalar behaviour (every value and literal accepted as is); chatd serves them as
// the old backend did, so the reference schema gets the same input coercion:
//  - Upload: graphql-upload's `GraphQLUpload` ("Upload value invalid." for any variable
//    value that is not a file of the multipart request, "Upload literal unsupported."
//    for every literal). A JSON request can only send `null` for it.
//  - DateTime: an RFC 3339 date-time string (years 0000-9999, no leap second),
//    implemented here independently of chatd; the messages are chatd's (GQL-3).
// Everything else (the rules, how messages are composed, locations) stays graphql-js's.

import { buildSchema, GraphQLError, Kind, print } from 'graphql';
import { inspect } from 'graphql/jsutils/inspect.js';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** True for an RFC 3339 date-time that names an instant within years 0000-9999 (UTC). */
export function isDateTime(text) {
  const m = RFC3339.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  if (offsetHours > 23 || offsetMinutes > 59) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // setUTCFullYear keeps years 0-99 as they are
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const sign = m[8].startsWith('-') ? -1 : 1;
  const millis = m[7] ? Number(m[7].slice(1, 4).padEnd(3, '0')) : 0;
  date.setUTCHours(hour, minute - sign * (offsetHours * 60 + offsetMinutes), second, millis);
  return date.getTime() >= -62_167_219_200_000 && date.getTime() <= 253_402_300_799_999;
}

const invalidDateTime = (shown) => `DateTime cannot represent an invalid date-time string: ${shown} (expected RFC 3339, such as "2025-11-10T20:00:00.000Z")`;

const dateTime = {
  parseValue(value) {
    if (typeof value !== 'string') throw new GraphQLError(`DateTime cannot represent a non-string value: ${inspect(value)}`);
    if (!isDateTime(value)) throw new GraphQLError(invalidDateTime(inspect(value)));
    return value;
  },
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) throw new GraphQLError(`DateTime cannot represent a non-string value: ${print(node)}`, { nodes: node });
    if (!isDateTime(node.value)) throw new GraphQLError(invalidDateTime(print(node)), { nodes: node });
    return node.value;
  },
};

const upload = {
  parseValue() {
    throw new GraphQLError('Upload value invalid.');
  },
  parseLiteral(node) {
    throw new GraphQLError('Upload literal unsupported.', { nodes: node });
  },
};

/** buildSchema(sdl) with the contract's DateTime and Upload input coercion. */
export function buildServedSchema(sdl) {
  const schema = buildSchema(sdl);
  Object.assign(schema.getType('DateTime'), dateTime);
  Object.assign(schema.getType('Upload'), upload);
  return schema;
}

/**
 * A small RFC 4180 CSV reader (and writer, used by the tests): comma-separated fields, records
 * ended by CRLF or LF, fields optionally in double quotes, where a quote is written twice and
 * commas and line breaks are literal. A quote inside an unquoted field is kept as a character
 * (lenient, like most readers); an unterminated quoted field is an error.
 */

export class CsvError extends Error {}

/** Parses CSV text into records of fields. A final line break does not start an empty record. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '' && (i === 0 || text[i - 1] === ',' || text[i - 1] === '\n' || text[i - 1] === '\r')) {
      // Quoted field: read to the closing quote, unescaping doubled quotes.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError(`unterminated quoted field starting on line ${startLine}`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (text[i] === '\n') line++;
        field += text[i++];
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 2;
      line++;
    } else if (ch === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
      line++;
    } else {
      field += ch;
      i++;
    }
  }
  // Last record without a trailing line break (an empty input has no records).
  if (field !== '' || row.length > 0 || (text.length > 0 && !text.endsWith('\n'))) {
    endField();
    rows.push(row);
  }
  return rows;
}

function quoteField(f: string, onlyField: boolean): string {
  if (/[",\r\n]/.test(f) || (onlyField && f === '')) return `"${f.replace(/"/g, '""')}"`;
  return f;
}

/** Writes records as CSV with CRLF line ends, quoting only fields that need it. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => `${r.map((f) => quoteField(f, r.length === 1)).join(',')}\r\n`).join('');
}

/** Records as objects keyed by the header row's names. */
export function parseCsvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r, k) => {
    if (r.length !== header.length) throw new CsvError(`record ${k + 2} has ${r.length} fields, the header has ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, r[j]]));
  });
}

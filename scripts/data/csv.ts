/** RFC 4180 CSV reading and writing for the dataset files, with the line each record starts on. */

/** One parsed record: its fields by header name and the 1-based line it starts on. */
export interface CsvRecord {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  /** Field values by column name; missing trailing fields are absent. */
  fields: Record<string, string>;
  /** How many fields the record had. */
  width: number;
}

/** A parsed CSV file. */
export interface CsvTable {
  /** Column names from the first line. */
  header: string[];
  /** Data records, blank lines skipped. */
  records: CsvRecord[];
  /** Syntax problems (an unclosed quote), with the line they start on. */
  errors: { line: number; message: string }[];
}

/** Splits CSV text into rows of raw fields, each with the line it starts on. */
function splitRows(text: string): { rows: { line: number; cells: string[] }[]; errors: CsvTable['errors'] } {
  const rows: { line: number; cells: string[] }[] = [];
  const errors: CsvTable['errors'] = [];
  const src = text.replace(/^\uFEFF/, '');
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (src.charAt(i + 1) === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src.charAt(i + 1) === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) errors.push({ line: quoteLine, message: 'a quoted field is never closed' });
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return { rows, errors };
}

/** Parses CSV text with a header row into records keyed by column name. */
export function parseCsv(text: string): CsvTable {
  const { rows, errors } = splitRows(text);
  const [head, ...body] = rows;
  const header = (head?.cells ?? []).map((h) => h.trim());
  const records = body
    .filter((r) => !(r.cells.length === 1 && r.cells[0] === ''))
    .map((r) => ({
      line: r.line,
      width: r.cells.length,
      fields: Object.fromEntries(header.map((h, i) => [h, r.cells[i]]).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >,
    }));
  return { header, records, errors };
}

/** Quotes a field only when it must be (comma, quote, line break, or edge spaces). */
function quote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as CSV text with LF line endings and a final newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

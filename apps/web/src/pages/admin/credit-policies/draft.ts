// The draft policy document both views edit. It is whatever JSON the expert typed, so every reader
// here tolerates a wrong shape (the server's 校验 names it) and every write changes one path only:
// fields the form does not show (id, version, validity, keys it does not know) stay as they were.

export type Doc = Record<string, unknown>;
export type Path = readonly (string | number)[];

export const pretty = (doc: unknown) => JSON.stringify(doc, null, 2);

export const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The JSON view's text as a document, or why it cannot be one (in Chinese). */
export function parseDraftText(text: string): { ok: true; doc: Doc } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `JSON 格式错误：${(e as Error).message}。请检查引号、逗号和括号是否成对。` };
  }
  if (!isObject(value)) return { ok: false, error: 'JSON 格式错误：学分政策必须是一个对象（以 { 开头、以 } 结尾）。' };
  return { ok: true, doc: value };
}

/**
 * A copy of `root` with the value at `path` replaced; `undefined` removes the key, so an empty box
 * leaves no key behind (the schema reads a missing optional field, never a null).
 */
export function setIn(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const obj: Doc = isObject(root) ? { ...root } : {};
  const next = setIn(obj[head as string], rest, value);
  if (next === undefined) delete obj[head as string];
  else obj[head as string] = next;
  return obj;
}

export function setDocIn(doc: Doc, path: Path, value: unknown): Doc {
  const next = setIn(doc, path, value);
  return isObject(next) ? next : {};
}

// Readers: a value of the wrong type reads as empty (the form shows an empty box; 校验 says why).
export const asObject = (v: unknown): Doc => (isObject(v) ? v : {});
export const asRows = (v: unknown): Doc[] => (Array.isArray(v) ? v.map(asObject) : []);
export const asText = (v: unknown): string => (typeof v === 'string' ? v : '');
export const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
export const asTexts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A text box's value: an optional text left empty is removed. */
export const optionalText = (v: string) => (v.trim() === '' ? undefined : v);
/** A list picked in a multi-select: none picked removes the key. */
export const optionalList = (v: readonly string[]) => (v.length ? [...v] : undefined);
/** A number box: empty (null) removes the key. */
export const optionalNumber = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);

/** `{ perYear?, perCycle? }` with one side changed; an entry left with nothing set is removed. */
export function perScope(current: unknown, key: 'perYear' | 'perCycle', value: number | null): Doc | undefined {
  const next = asObject(setIn(asObject(current), [key], optionalNumber(value)));
  return Object.keys(next).length ? next : undefined;
}

const LIST_KEYS = ['cycles', 'categories', 'groups', 'levelMinimums', 'claimTypes'] as const;
const OBJECT_KEYS = ['total', 'requirements', 'caps', 'notAssessed'] as const;

/** Top-level parts the form cannot show because the JSON gives them the wrong shape. */
export function shapeProblems(doc: Doc): string[] {
  const bad: string[] = [];
  for (const k of LIST_KEYS) if (k in doc && !Array.isArray(doc[k])) bad.push(k);
  for (const k of OBJECT_KEYS) if (k in doc && !isObject(doc[k])) bad.push(k);
  return bad;
}

/** Where a category id is still used: the server refuses the policy while any of these remain. */
export function categoryUses(doc: Doc, id: string, sectionName: (key: string) => string): string[] {
  if (!id) return [];
  const uses: string[] = [];
  if (id in asObject(doc.requirements)) uses.push(sectionName('requirements'));
  if (id in asObject(doc.caps)) uses.push(sectionName('caps'));
  for (const g of asRows(doc.groups)) if (asTexts(g.categories).includes(id)) uses.push(`分组“${asText(g.name) || asText(g.id)}”`);
  for (const t of asRows(doc.claimTypes)) if (t.category === id) uses.push(`申报类型“${asText(t.name) || asText(t.id)}”`);
  return uses;
}

// The one draft both views edit. In 表单 the document is the truth; in JSON（专家）the text is, until
// the expert switches back (the text must then parse) or runs 校验 / 预览影响 / 发布新版本.
import { useCallback, useState } from 'react';
import { type Doc, parseDraftText, type Path, pretty, setDocIn } from './draft.ts';

export type View = 'form' | 'json';

export interface Draft {
  view: View;
  doc: Doc | null;
  text: string;
  /** why the JSON view could not switch to the form (a syntax error) */
  switchError: string | null;
  /** replaces the draft (恢复为当前版本, 载入编辑器, after publishing); null waits for the active version */
  load: (doc: Doc | null) => void;
  /** changes one path of the document (the form) */
  set: (path: Path, value: unknown) => void;
  /** changes the text (the JSON view) */
  setText: (text: string) => void;
  /** false when the JSON text does not parse: the view stays on JSON and says why */
  switchTo: (view: View) => boolean;
  /** the document to send, or the JSON syntax error */
  current: () => { ok: true; doc: Doc } | { ok: false; error: string };
}

export function useDraft(onEdit: () => void): Draft {
  const [view, setView] = useState<View>('form');
  const [doc, setDoc] = useState<Doc | null>(null);
  const [text, setTextState] = useState('');
  const [switchError, setSwitchError] = useState<string | null>(null);

  const load = useCallback(
    (next: Doc | null) => {
      setDoc(next);
      setTextState(next ? pretty(next) : '');
      setSwitchError(null);
      onEdit();
    },
    [onEdit],
  );
  const set = useCallback(
    (path: Path, value: unknown) => {
      // an updater: two changes made by one click (a row's requirement and its cap) both land
      setDoc((d) => setDocIn(d ?? {}, path, value));
      onEdit();
    },
    [onEdit],
  );
  const setText = useCallback(
    (t: string) => {
      setTextState(t);
      setSwitchError(null);
      onEdit();
    },
    [onEdit],
  );
  const switchTo = (next: View) => {
    if (next === view) return true;
    if (next === 'json') {
      setTextState(pretty(doc ?? {}));
      setView('json');
      return true;
    }
    const parsed = parseDraftText(text);
    if (!parsed.ok) {
      setSwitchError(`${parsed.error}无法切换到表单，请先改正。`);
      return false;
    }
    setDoc(parsed.doc);
    setSwitchError(null);
    setView('form');
    return true;
  };
  const current = () => {
    if (view === 'json') return parseDraftText(text);
    return { ok: true as const, doc: doc ?? {} };
  };
  return { view, doc, text, switchError, load, set, setText, switchTo, current };
}

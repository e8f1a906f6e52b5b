import { useSyncExternalStore } from 'react';

/** antd's breakpoints: below `lg` the side menu becomes a drawer; below `md` pages show their phone layout. */
export const COMPACT_QUERY = '(max-width: 991.98px)';
export const PHONE_QUERY = '(max-width: 767.98px)';

function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', notify);
      return () => m.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones and tablets (< 992 px): the menu opens from a drawer. Known on the first render (no flash of the wrong layout). */
export const useCompact = () => useMedia(COMPACT_QUERY);
/** Phones (< 768 px): tables show their key columns and the rest on tap, forms one column. */
export const usePhone = () => useMedia(PHONE_QUERY);

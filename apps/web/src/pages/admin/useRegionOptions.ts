import { useEffect, useState } from 'react';
import { regions } from '@shixun/contracts';
import { call } from '../../api/call.ts';
import type { Region } from '../../api/types.ts';

export interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
  loading?: boolean;
}

const toOption = (r: Region): RegionOption => ({ value: r.code, label: r.name, isLeaf: r.level === 'county' });

/** Cascader options of the region tree within the viewer's scope, children loaded on demand. */
export function useRegionOptions() {
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call(regions.regionsInScope)
      .then((r) => live && setOptions(r.items.map(toOption)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, []);
  const loadData = async (selected: RegionOption[]) => {
    const target = selected[selected.length - 1]!;
    try {
      const r = await call(regions.regionsInScope, { query: { parent: target.value } });
      target.children = r.items.map(toOption);
      if (r.items.length === 0) target.isLeaf = true;
    } catch (e) {
      setError((e as Error).message);
      target.isLeaf = true;
    }
    setOptions((o) => [...o]);
  };
  return { options, loadData, error };
}

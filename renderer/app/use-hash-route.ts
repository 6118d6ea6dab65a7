import { useCallback, useEffect, useState } from 'react';

/** The current section id from the address (`#/settings`) and the whole fragment, kept in step with back/forward. */
export function useHashRoute(fallback: string): [string, (id: string) => void, string] {
  const read = useCallback(() => /^#\/([a-z0-9-]+)/.exec(window.location.hash)?.[1] ?? fallback, [fallback]);
  const [route, setRoute] = useState(read);
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => {
      setRoute(read());
      setHash(window.location.hash);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [read]);
  const navigate = useCallback((id: string) => {
    window.location.hash = `#/${id}`;
  }, []);
  return [route, navigate, hash];
}

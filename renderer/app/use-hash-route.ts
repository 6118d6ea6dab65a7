import { useCallback, useEffect, useState } from 'react';

/** The current section id from the address (`#/settings`), kept in step with back/forward. */
export function useHashRoute(fallback: string): [string, (id: string) => void] {
  const read = useCallback(() => /^#\/([a-z0-9-]+)/.exec(window.location.hash)?.[1] ?? fallback, [fallback]);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [read]);
  const navigate = useCallback((id: string) => {
    window.location.hash = `#/${id}`;
  }, []);
  return [route, navigate];
}

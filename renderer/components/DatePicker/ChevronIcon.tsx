interface ChevronIconProps {
  /** Towards earlier days (inline start) or later ones (inline end); mirrored by CSS in right-to-left. */
  towards: 'earlier' | 'later';
  /** Two chevrons: a year rather than a month. */
  double?: boolean;
}

/** A chevron pointing to the inline start or end of the line. */
export function ChevronIcon({ towards, double }: ChevronIconProps) {
  const paths = double ? ['M12 6l-6 6 6 6', 'M18 6l-6 6 6 6'] : ['M15 6l-6 6 6 6'];
  return (
    <svg className="date-picker__chevron" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" data-towards={towards}>
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardListItem } from '../../../shared/schemas/cards';
import { call } from '../../lib/api';
import { Ltr } from '../../components/Ltr';

export interface PickedCard {
  id: number;
  name: string;
}

interface Props {
  value: PickedCard | null;
  onChange(card: PickedCard | null): void;
}

/**
 * Search Customer Card: finds a card by name, e-mail, phone or card token as you type; ↑/↓ move through
 * the suggestions, Enter picks one, Escape closes them. Answers to older queries are dropped.
 */
export function CustomerPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<CardListItem[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const request = useRef(0);
  const listId = useId();

  useEffect(() => {
    const q = query.trim();
    const id = ++request.current;
    if (!q) {
      setItems([]);
      return;
    }
    call('cards.search', { query: q, limit: 8 }).then(
      (result) => {
        if (id !== request.current) return;
        setItems(result.items);
        setActive(0);
        setOpen(true);
      },
      () => id === request.current && setItems([]),
    );
  }, [query]);

  if (value) {
    return (
      <div className="picked" data-testid="picked-card">
        <span>
          #{value.id} - <bdi>{value.name}</bdi>
        </span>
        <button type="button" className="chip__remove" aria-label={t('issue.customer.clear')} onClick={() => onChange(null)}>
          ×
        </button>
      </div>
    );
  }
  const pick = (card: CardListItem) => {
    onChange({ id: card.id, name: card.name });
    setQuery('');
    setOpen(false);
  };
  return (
    <div className="combo">
      <input
        className="input"
        role="combobox"
        aria-expanded={open && items.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && items[active] ? `${listId}-${items[active]!.id}` : undefined}
        aria-label={t('issue.customer.label')}
        placeholder={t('issue.customer.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, items.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && open && items[active]) pick(items[active]!);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {open && query.trim() && (
        <ul className="combo__list" role="listbox" id={listId}>
          {items.length === 0 && <li className="combo__empty">{t('issue.customer.none')}</li>}
          {items.map((card, i) => (
            <li
              key={card.id}
              id={`${listId}-${card.id}`}
              role="option"
              aria-selected={i === active}
              className={`combo__option${i === active ? ' combo__option--active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(card);
              }}
            >
              <Ltr className="mono">#{card.id}</Ltr> <bdi>{card.name}</bdi>{' '}
              <Ltr className="muted">{card.email ?? card.phone ?? ''}</Ltr>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../meetings-api.ts';

function describe(r: Reason, t: TFunction): string {
  if (r.kind === 'sectors')
    return t('reasonSectors', { sectors: r.sectors.map((s) => t(`sector_${s}`)).join(', ') });
  if (r.kind === 'terms') return t('reasonTerms', { terms: r.terms.join(' · ') });
  if (r.kind === 'country')
    return t(r.direction === 'you_target_them' ? 'reasonYouTarget' : 'reasonTheyTarget', {
      country: r.country,
    });
  const text = t(r.direction === 'their_offer_your_request' ? 'reasonTheirOffer' : 'reasonYourOffer', {
    offer: r.offer,
    request: r.request,
  });
  return r.terms.length > 0 ? `${text} (${r.terms.join(' · ')})` : text;
}

/** Why a counterpart is recommended, in the reader's language. */
export function Reasons({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation();
  return (
    <ul className="reasons">
      {reasons.map((r) => (
        <li key={`${r.kind}-${'direction' in r ? r.direction : ''}`}>{describe(r, t)}</li>
      ))}
    </ul>
  );
}

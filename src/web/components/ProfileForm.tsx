import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateOrganizationInputSchema } from '../../domain/schemas.ts';
import { SECTORS } from '../../domain/sectors.ts';
import { ApiError, api, type Organization } from '../api.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Edits an organization's bilingual profile; checked with the server's own schema before sending. */
export function ProfileForm(props: {
  slug: string;
  organization: Organization;
  onDone(saved: boolean): void;
}) {
  const { t } = useTranslation();
  const o = props.organization;
  const [description, setDescription] = useState(o.description);
  const [language, setLanguage] = useState<'fr' | 'en'>(o.descriptionLanguage);
  const [city, setCity] = useState(o.city);
  const [website, setWebsite] = useState(o.website);
  const [countries, setCountries] = useState(o.targetCountries.join(', '));
  const [sectors, setSectors] = useState<string[]>(o.sectors);
  const [offers, setOffers] = useState(o.offers.map((x) => x.text).join('\n'));
  const [requests, setRequests] = useState(o.requests.map((x) => x.text).join('\n'));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const keepLanguage = (kind: 'offer' | 'request', text: string) =>
      [...o.offers, ...o.requests].find((x) => x.kind === kind && x.text === text)?.language ?? language;
    const body = {
      description,
      descriptionLanguage: language,
      city,
      website,
      targetCountries: countries
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      sectors,
      opportunities: [
        ...lines(offers).map((text) => ({
          kind: 'offer' as const,
          text,
          language: keepLanguage('offer', text),
        })),
        ...lines(requests).map((text) => ({
          kind: 'request' as const,
          text,
          language: keepLanguage('request', text),
        })),
      ],
    };
    const checked = UpdateOrganizationInputSchema.safeParse(body);
    if (!checked.success) {
      setErrors(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return;
    }
    setBusy(true);
    try {
      await api('PATCH', `/missions/${props.slug}/organizations/${o.id}`, checked.data);
      props.onDone(true);
    } catch (err) {
      setErrors(
        err instanceof ApiError
          ? err.details.map((d) => `${d.field}: ${d.reason}`).concat(err.message)
          : [String(err)],
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} aria-label={t('edit')}>
      <label>
        {t('description')}
        <textarea
          name="description"
          rows={5}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </label>
      <label>
        {t('language')}
        <select name="language" value={language} onChange={(e) => setLanguage(e.target.value as 'fr' | 'en')}>
          <option value="fr">{t('language_fr')}</option>
          <option value="en">{t('language_en')}</option>
        </select>
      </label>
      <div className="two-columns">
        <label>
          {t('city')}
          <input name="city" value={city} onChange={(e) => setCity(e.target.value)} />
        </label>
        <label>
          {t('website')}
          <input name="website" type="url" value={website} onChange={(e) => setWebsite(e.target.value)} />
        </label>
      </div>
      <label>
        {t('targetCountries')}
        <input name="targetCountries" value={countries} onChange={(e) => setCountries(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('sectors')}</legend>
        <div className="checkboxes">
          {SECTORS.map((s) => (
            <label key={s.code} className="checkbox">
              <input
                type="checkbox"
                name="sectors"
                value={s.code}
                checked={sectors.includes(s.code)}
                onChange={(e) =>
                  setSectors(e.target.checked ? [...sectors, s.code] : sectors.filter((x) => x !== s.code))
                }
              />
              {t(`sector_${s.code}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="two-columns">
        <label>
          {t('offers')} <span className="muted">({t('oneItemPerLine')})</span>
          <textarea name="offers" rows={5} value={offers} onChange={(e) => setOffers(e.target.value)} />
        </label>
        <label>
          {t('requests')} <span className="muted">({t('oneItemPerLine')})</span>
          <textarea name="requests" rows={5} value={requests} onChange={(e) => setRequests(e.target.value)} />
        </label>
      </div>
      {errors.length > 0 && (
        <ul className="error" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" onClick={() => props.onDone(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

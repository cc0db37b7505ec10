import { useTranslation } from 'react-i18next';

/** Sector codes as chips, named in the reader's language. */
export function SectorChips({ sectors, small = false }: { sectors: string[]; small?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className={small ? 'chips small' : 'chips'}>
      {sectors.map((s) => (
        <li key={s} className="chip">
          {t(`sector_${s}`)}
        </li>
      ))}
    </ul>
  );
}

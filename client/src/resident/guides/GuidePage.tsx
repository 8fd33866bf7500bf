/**
 * A life-event guide page: the municipality's version of the guide (its
 * own, adopted or the national one), shown by GuideBody.
 */
import { Link, useParams } from 'react-router';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { PageHeading } from '../../common/PageHeading';
import { ErrorBlock, Loading } from '../../common/StatusMessages';
import { useAsync } from '../../common/useAsync';
import { getGuide } from './guideApi';
import { GuideBody } from './GuideBody';
import { useGuideText } from './guideMessages';
import './guides.css';

export default function GuidePage() {
  const { code = '', guideId = '' } = useParams();
  const { language } = useLanguage();
  const g = useGuideText();
  const loaded = useAsync(() => getGuide(code, guideId, language), [code, guideId, language]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorBlock error={loaded.error} onRetry={loaded.reload} />;
  const { guide, online } = loaded.value;
  const title = language === 'en' && guide.titleEn ? guide.titleEn : guide.title;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/m/${code}`}>{g('back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <GuideBody
        key={guide.id}
        guide={guide}
        online={online}
        applyOnline={(procedureId, label) => (
          <Link className="button button--primary" to={`/m/${code}/p/${procedureId}`}>
            {label}
          </Link>
        )}
        applyTogether={(ids, label) => (
          <Link className="button button--primary button--wide" to={`/m/${code}/bundle?guide=${encodeURIComponent(guide.id)}&p=${ids.map(encodeURIComponent).join(',')}`}>
            {label}
          </Link>
        )}
      />
    </>
  );
}

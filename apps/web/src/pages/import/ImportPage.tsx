import { useState } from 'react';
import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../api/enums';
import type { ImportOptions, ImportUpload, ImportValidation } from '../../api/imports';
import { PageHeader } from '../../components/layout/PageHeader';
import { UploadStep } from './UploadStep';
import { MappingStep } from './MappingStep';
import { ValidationStep } from './ValidationStep';
import { RunStep } from './RunStep';
import { ImportHistory } from './ImportHistory';

type Wizard =
  | { step: 'upload' }
  | { step: 'mapping'; kind: ImportKind; upload: ImportUpload; options?: ImportOptions }
  | { step: 'validate'; kind: ImportKind; upload: ImportUpload; options: ImportOptions; validation: ImportValidation }
  | { step: 'run'; kind: ImportKind; upload: ImportUpload; jobId: number };

const order: Wizard['step'][] = ['upload', 'mapping', 'validate', 'run'];

/**
 * CSV import: upload → map columns → validate (every invalid row listed) → run in the background with
 * progress → result. Nothing is written before the user confirms, and a run is all-or-nothing unless
 * the user chose to skip the invalid rows.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const [wizard, setWizard] = useState<Wizard>({ step: 'upload' });
  const restart = () => setWizard({ step: 'upload' });

  return (
    <>
      <PageHeader title={t('import.title')} />
      <Card>
        <Steps
          current={order.indexOf(wizard.step)}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('import.steps.upload') },
            { title: t('import.steps.mapping') },
            { title: t('import.steps.validate') },
            { title: t('import.steps.run') },
          ]}
        />
        {wizard.step === 'upload' ? (
          <UploadStep onUploaded={(kind, upload) => setWizard({ step: 'mapping', kind, upload })} />
        ) : null}
        {wizard.step === 'mapping' ? (
          <MappingStep
            kind={wizard.kind}
            upload={wizard.upload}
            initial={wizard.options}
            onBack={restart}
            onValidated={(options, validation) => setWizard({ ...wizard, step: 'validate', options, validation })}
          />
        ) : null}
        {wizard.step === 'validate' ? (
          <ValidationStep
            kind={wizard.kind}
            uploadId={wizard.upload.id}
            options={wizard.options}
            validation={wizard.validation}
            onBack={(options = wizard.options) => setWizard({ step: 'mapping', kind: wizard.kind, upload: wizard.upload, options })}
            onStarted={() => setWizard({ step: 'run', kind: wizard.kind, upload: wizard.upload, jobId: wizard.upload.id })}
          />
        ) : null}
        {wizard.step === 'run' ? <RunStep jobId={wizard.jobId} kind={wizard.kind} onRestart={restart} /> : null}
      </Card>
      {wizard.step === 'upload' ? <ImportHistory /> : null}
    </>
  );
}

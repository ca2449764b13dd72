import { useEffect, useState } from "react";
import { Alert, Button, Card, Flex, Spin, Steps, Typography } from "antd";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { canWrite } from "../actions/engineAccess.js";
import {
  checkImportAction,
  restartImportAction,
  runImportAction,
  type ImportWizard,
} from "../actions/importActions.js";
import {
  getImport,
  importKeys,
  listImports,
  uploadImport,
  type ImportKind,
  type ImportPreview,
} from "../api/imports.js";
import { customerKeys } from "../api/customers.js";
import { ActionButton } from "../components/ActionButton.js";
import { SceneHeader } from "../components/engine/SceneHeader.js";
import { errorMessage } from "../components/errors.js";
import { ColumnMappingTable } from "../components/import/ColumnMappingTable.js";
import {
  mappedNames,
  readCsvHeader,
  withHeader,
  type CsvHeader,
} from "../components/import/csvHeader.js";
import { ImportFileStep } from "../components/import/ImportFileStep.js";
import { ImportPreviewPanel } from "../components/import/ImportPreviewPanel.js";
import { ImportProgressPanel } from "../components/import/ImportProgressPanel.js";
import { RecentImportsTable } from "../components/import/RecentImportsTable.js";
import { useSessionQuery } from "../session/useSession.js";

/** How much of a CSV file is read in the browser to find its header row. */
const HEADER_BYTES = 256 * 1024;

type Step = 0 | 1 | 2 | 3;

function mappingFrom(headers: string[], preview: ImportPreview): (string | null)[] {
  const used = new Set<number>();
  return headers.map((header) => {
    const index = preview.columns.findIndex((c, i) => !used.has(i) && c.header === header);
    if (index < 0) return null;
    used.add(index);
    return preview.columns[index]!.field;
  });
}

/** Bulk import (SPEC §13): choose the file, map its columns, check every row, then import. */
export function ImportScene() {
  const { t } = useTranslation("imports");
  const { t: tt } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSessionQuery().data;
  const csrfToken = session?.csrfToken ?? null;
  const writer = canWrite(session?.user.role);

  const [step, setStep] = useState<Step>(0);
  const [kind, setKind] = useState<ImportKind>("customers");
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<CsvHeader | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [checkedMapping, setCheckedMapping] = useState<(string | null)[]>([]);
  const [checkedFile, setCheckedFile] = useState<Blob | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [importId, setImportId] = useState<number | null>(null);

  const recent = useQuery({
    queryKey: importKeys.recent,
    queryFn: ({ signal }) => listImports(signal),
  });
  const running = useQuery({
    queryKey: importKeys.one(importId ?? 0),
    queryFn: ({ signal }) => getImport(importId!, signal),
    enabled: importId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "succeeded" || status === "failed" ? false : 500;
    },
  });
  const status = running.data?.status;
  const finished = status === "succeeded" || status === "failed";
  useEffect(() => {
    // When it ends: the recent imports, and on success the customer lists, are stale.
    if (status !== "succeeded" && status !== "failed") return;
    void queryClient.invalidateQueries({ queryKey: importKeys.recent });
    if (status === "succeeded") void queryClient.invalidateQueries({ queryKey: customerKeys.all });
  }, [status, queryClient]);

  const dryRun = async (blob: Blob) => {
    setUploaded(0);
    return uploadImport({
      kind,
      file: blob,
      fileName: file!.name,
      dryRun: true,
      csrfToken,
      onUploadProgress: setUploaded,
    });
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setCsv(null);
    setPreview(null);
    setFailure(null);
    setImportId(null);
    setCheckedFile(null);
  };

  const check = async () => {
    if (!file) return;
    setFailure(null);
    setBusy(true);
    try {
      if (step === 0) {
        const isCsv = file.name.toLowerCase().endsWith(".csv");
        const isXlsx = file.name.toLowerCase().endsWith(".xlsx");
        if (!isCsv && !isXlsx) {
          setFailure(t("file.wrongType"));
          return;
        }
        let header: CsvHeader | null = null;
        if (isCsv) {
          header = readCsvHeader(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()));
          if (!header) {
            setFailure(t("file.noHeader"));
            return;
          }
        }
        const result = await dryRun(file);
        const names = header
          ? header.headers
          : [...result.columns.map((c) => c.header), ...result.ignoredColumns];
        const initial = mappingFrom(names, result);
        setCsv(header);
        setHeaders(names);
        setMapping(initial);
        setCheckedMapping(initial);
        setCheckedFile(file);
        setPreview(result);
        setStep(1);
        return;
      }
      // Step 1: check again when the user changed the mapping (CSV only).
      const changed = mapping.some((field, i) => field !== checkedMapping[i]);
      if (changed && csv) {
        const blob = withHeader(file, csv, mappedNames(mapping));
        const result = await dryRun(blob);
        setCheckedMapping(mapping);
        setCheckedFile(blob);
        setPreview(result);
      }
      setStep(2);
    } catch (error) {
      setFailure(errorMessage(tt, error));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!file || !checkedFile) return;
    setFailure(null);
    setBusy(true);
    setStep(3);
    setUploaded(0);
    try {
      const record = await uploadImport({
        kind,
        file: checkedFile,
        fileName: file.name,
        dryRun: false,
        csrfToken,
        idempotencyKey: crypto.randomUUID(),
        onUploadProgress: setUploaded,
      });
      setImportId(record.id);
      queryClient.setQueryData(importKeys.one(record.id), record);
    } catch (error) {
      setFailure(errorMessage(tt, error));
    } finally {
      setBusy(false);
    }
  };

  const wizard: ImportWizard = {
    busy,
    canCheck: file !== null && (step === 0 || step === 1),
    canRun: step === 2 && preview?.valid === true,
    check,
    run,
    restart,
  };

  const body = [
    <ImportFileStep
      key="file"
      kind={kind}
      onKind={(next) => {
        setKind(next);
        setFailure(null);
      }}
      file={file}
      onFile={(next) => {
        setFile(next);
        setFailure(null);
      }}
      rejected={null}
    />,
    <Flex key="map" vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {csv ? t("map.explainCsv") : t("map.explainXlsx")}
      </Typography.Paragraph>
      <ColumnMappingTable
        kind={kind}
        headers={headers}
        mapping={mapping}
        editable={csv !== null}
        onChange={(index, field) =>
          setMapping((current) => current.map((f, i) => (i === index ? field : f)))
        }
      />
    </Flex>,
    preview ? <ImportPreviewPanel key="preview" preview={preview} /> : null,
    <ImportProgressPanel
      key="run"
      record={running.data ?? null}
      uploaded={uploaded}
      failure={null}
      extra={
        running.data?.status === "succeeded" ? (
          <Link to={kind === "customers" ? "/customers?sort=createdAt&order=desc" : "/customers"}>
            {t("run.openCustomers")}
          </Link>
        ) : null
      }
    />,
  ][step];

  return (
    <Flex vertical gap={16}>
      <SceneHeader title={t("title")} subtitle={t("subtitle")} />
      {!writer ? <Alert type="info" showIcon title={t("readOnly")} /> : null}
      <Card>
        <Flex vertical gap={24}>
          <Steps
            current={step}
            items={[
              { title: t("steps.file") },
              { title: t("steps.map") },
              { title: t("steps.preview") },
              { title: t("steps.run") },
            ]}
          />
          <Spin
            spinning={busy && step < 3}
            description={t("checking", { percent: Math.round(uploaded * 100) })}
          >
            {body}
          </Spin>
          {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
          <Flex gap={8} justify="end">
            {step > 0 && step < 3 ? (
              <Button onClick={() => setStep((step - 1) as Step)} disabled={busy}>
                {t("actions.back")}
              </Button>
            ) : null}
            {step === 3 && finished ? (
              <ActionButton action={restartImportAction} arg={wizard} type="primary" />
            ) : step === 2 ? (
              preview?.valid ? (
                <ActionButton action={runImportAction} arg={wizard} type="primary" />
              ) : (
                <ActionButton action={restartImportAction} arg={wizard} />
              )
            ) : step < 2 ? (
              <ActionButton action={checkImportAction} arg={wizard} type="primary" />
            ) : null}
          </Flex>
        </Flex>
      </Card>
      <Card title={t("recent.title")} size="small">
        <RecentImportsTable imports={recent.data ?? []} loading={recent.isPending} />
      </Card>
    </Flex>
  );
}

import { Alert, Descriptions, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/useFormat.js";
import { formatParameter, type ModelReport as Report } from "./analyticsReport.js";

type Item = { key: string; label: string; children: string };

/** Whether a model converged, or was not fitted at all. */
function FitTag(props: { converged: boolean | null }) {
  const { t } = useTranslation("analytics");
  if (props.converged === null) return <Tag>{t("model.notFitted")}</Tag>;
  return props.converged ? (
    <Tag color="success">{t("model.converged")}</Tag>
  ) : (
    <Tag color="warning">{t("model.notConverged")}</Tag>
  );
}

/** One model's parameters, log-likelihood and sample, under its name and fit status. */
function ModelBlock(props: {
  name: "bgnbd" | "gammaGamma";
  title: string;
  converged: boolean | null;
  items: Item[];
}) {
  return (
    <Flex vertical gap={8} data-model={props.name}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong>{props.title}</Typography.Text>
        <FitTag converged={props.converged} />
      </Flex>
      {props.items.length > 0 ? (
        <Descriptions
          size="small"
          bordered
          layout="vertical"
          column={{ xs: 2, sm: 4, lg: props.items.length }}
          items={props.items}
        />
      ) : null}
    </Flex>
  );
}

/**
 * The fitted BG/NBD and Gamma-Gamma models of a run (SPEC §7), the cut points of the CLV types
 * and the notes the refresh left when the data could not support a fit.
 */
export function ModelReport(props: { report: Report }) {
  const { t } = useTranslation("analytics");
  const format = useFormat();
  const { bgnbd, gammaGamma, thresholds, notes } = props.report;
  const p = (value: number) => formatParameter(value, format.language);
  const count = (label: string, value: number | null): Item[] =>
    value === null ? [] : [{ key: label, label, children: format.number(value) }];

  const bgItems: Item[] = bgnbd
    ? [
        { key: "r", label: "r", children: p(bgnbd.r) },
        { key: "alpha", label: "α", children: p(bgnbd.alpha) },
        { key: "a", label: "a", children: p(bgnbd.a) },
        { key: "b", label: "b", children: p(bgnbd.b) },
        { key: "ll", label: t("model.logLikelihood"), children: p(bgnbd.logLikelihood) },
        ...count(t("model.customers"), bgnbd.customers),
        ...count(t("model.repeatCustomers"), bgnbd.repeatCustomers),
      ]
    : [];
  const ggItems: Item[] = gammaGamma
    ? [
        { key: "p", label: "p", children: p(gammaGamma.p) },
        { key: "q", label: "q", children: p(gammaGamma.q) },
        { key: "gamma", label: "γ", children: p(gammaGamma.gamma) },
        { key: "ll", label: t("model.logLikelihood"), children: p(gammaGamma.logLikelihood) },
        ...count(t("model.customers"), gammaGamma.customers),
      ]
    : [];

  return (
    <Flex vertical gap={16}>
      <ModelBlock
        name="bgnbd"
        title={t("model.bgnbd")}
        converged={bgnbd ? bgnbd.converged : null}
        items={bgItems}
      />
      <ModelBlock
        name="gammaGamma"
        title={t("model.gammaGamma")}
        converged={gammaGamma ? gammaGamma.converged : null}
        items={ggItems}
      />
      {thresholds ? (
        <Typography.Text type="secondary">
          {t("model.thresholds")}: {t("model.currentCut")} {format.money(thresholds.current)} ·{" "}
          {t("model.futureCut")} {format.money(thresholds.future)}
        </Typography.Text>
      ) : null}
      {notes.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="model-notes"
          title={t("model.notes")}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Flex>
  );
}

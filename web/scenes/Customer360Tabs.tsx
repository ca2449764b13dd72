/**
 * The sections of the customer 360 view beyond the profile, the next best actions and the
 * dialogs they open. CustomerScene composes them with its profile editing.
 */
import { useState, type ReactNode } from "react";
import { Alert, Card, Flex, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import type { NeedStatus, Stage } from "../../src/shared/enums.js";
import { nextStageUp } from "../../src/shared/ladder/stages.js";
import type { ActOn } from "../actions/customer360Actions.js";
import type { Customer360, NeedSummary, NextAction } from "../api/customer360.js";
import { ComplaintsTable, InteractionsTable } from "../components/customer360/ActivityTables.js";
import { ContactsPanel } from "../components/customer360/ContactsPanel.js";
import { DeliverySpiral } from "../components/customer360/DeliverySpiral.js";
import { NeedStatusDialog, RecordNeedDialog } from "../components/customer360/NeedDialogs.js";
import { NeedsPanel } from "../components/customer360/NeedsPanel.js";
import { NextActionsCard } from "../components/customer360/NextActionsCard.js";
import { BondsPanel, ScoresPanel } from "../components/customer360/ScoresPanel.js";
import { StageTimeline } from "../components/customer360/StageTimeline.js";
import { TransactionsPanel } from "../components/customer360/TransactionsPanel.js";
import { UpgradeConditionsPanel } from "../components/customer360/UpgradeConditionsPanel.js";
import { errorMessage } from "../components/errors.js";
import { ProposalCard } from "../components/ladder/ProposalCard.js";
import { ProposalDecisionDialog } from "../components/ladder/ProposalDecisionDialog.js";
import { StageChangeDialog } from "../components/ladder/StageChangeDialog.js";
import { useCustomer360, useCustomer360Writes, useTransactions } from "./Customer360Data.js";
import { useProposalDecision, useStageChange } from "./LadderData.js";

export const CUSTOMER_TABS = [
  "profile",
  "contacts",
  "ladder",
  "needs",
  "deliveries",
  "interactions",
  "complaints",
  "transactions",
  "value",
] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];

export function useCustomer360Tabs(props: {
  id: number;
  tab: CustomerTab;
  setTab: (tab: CustomerTab) => void;
  editing: boolean;
}) {
  const { id, tab, setTab } = props;
  const { t } = useTranslation("customer360");
  const { t: tc } = useTranslation();
  const view = useCustomer360(id);
  const transactions = useTransactions(id, tab === "transactions");
  const writes = useCustomer360Writes(id);
  const stageChange = useStageChange();
  const decision = useProposalDecision();
  const [recording, setRecording] = useState(false);
  const [needToChange, setNeedToChange] = useState<NeedSummary | null>(null);
  const [highlight, setHighlight] = useState<{ kind: string; id: number } | null>(null);
  const data: Customer360 | undefined = view.data;

  const openMove = (to: Stage | null = null) => {
    if (!data) return;
    const { customer } = data;
    stageChange.open({
      id: customer.id,
      name: customer.name,
      stage: customer.stage,
      version: customer.version,
      to,
    });
  };
  const goTo = (next: CustomerTab, mark?: { kind: string; id: number }) => {
    setHighlight(mark ?? null);
    setTab(next);
  };

  const onAct =
    (action: NextAction): ActOn["act"] =>
    () => {
      if (!data) return;
      switch (action.kind) {
        case "proposal":
          if (data.openProposal) decision.open(data.openProposal, "accept");
          return;
        case "overdue_stage":
          return openMove(nextStageUp(data.customer.stage));
        case "core_need": {
          const need = data.needs.find((n) => n.id === action.target.id);
          goTo("needs", { kind: "need", id: action.target.id });
          if (need) setNeedToChange(need);
          return;
        }
        case "complaint":
          return goTo("complaints", { kind: "complaint", id: action.target.id });
        case "interaction":
          return goTo("interactions");
        case "delivery":
          return writes.plan.mutateAsync(action.target.id).then(
            () => goTo("deliveries"),
            () => undefined,
          );
      }
    };

  const loading = <Skeleton active paragraph={{ rows: 6 }} />;
  const failed = view.isError ? (
    <Alert type="error" showIcon title={errorMessage(tc, view.error)} />
  ) : null;
  const section = (render: (data: Customer360) => ReactNode) =>
    failed ?? (data ? render(data) : loading);

  const tabs: { key: CustomerTab; label: string; children: ReactNode }[] = [
    {
      key: "contacts",
      label: t("tabs.contacts"),
      children: section((d) => <ContactsPanel contacts={d.contacts} />),
    },
    {
      key: "ladder",
      label: t("tabs.ladder"),
      children: section((d) => (
        <Flex vertical gap={16}>
          {d.openProposal ? (
            <Card size="small" title={t("ladder.openProposal")}>
              <ProposalCard proposal={d.openProposal} onDecide={decision.open} hideCustomer />
            </Card>
          ) : null}
          <UpgradeConditionsPanel conditions={d.upgradeConditions} />
          <StageTimeline history={d.stageHistory} />
        </Flex>
      )),
    },
    {
      key: "needs",
      label: t("tabs.needs"),
      children: section((d) => (
        <NeedsPanel
          needs={d.needs}
          highlighted={highlight?.kind === "need" ? highlight.id : null}
          onRecord={() => {
            writes.record.reset();
            setRecording(true);
          }}
          onChangeStatus={(need) => {
            writes.status.reset();
            setNeedToChange(need);
          }}
        />
      )),
    },
    {
      key: "deliveries",
      label: t("tabs.deliveries"),
      children: section((d) => <DeliverySpiral rounds={d.deliveryRounds} />),
    },
    {
      key: "interactions",
      label: t("tabs.interactions"),
      children: section((d) => <InteractionsTable interactions={d.interactions} />),
    },
    {
      key: "complaints",
      label: t("tabs.complaints"),
      children: section((d) => (
        <ComplaintsTable
          complaints={d.complaints}
          highlighted={highlight?.kind === "complaint" ? highlight.id : null}
        />
      )),
    },
    {
      key: "transactions",
      label: t("tabs.transactions"),
      children: (
        <TransactionsPanel
          summary={transactions.summary.data}
          transactions={transactions.transactions}
          loading={transactions.list.isPending}
          paging={transactions.paging}
        />
      ),
    },
    {
      key: "value",
      label: t("tabs.value"),
      children: section((d) => (
        <Flex vertical gap={16}>
          <ScoresPanel scores={d.scores} />
          <BondsPanel bonds={d.bonds} />
        </Flex>
      )),
    },
  ];

  const nextActions = data && !props.editing ? <NextActionsCard view={data} onAct={onAct} /> : null;

  const dialogs = (
    <>
      <StageChangeDialog
        target={stageChange.target}
        submitting={stageChange.submitting}
        error={stageChange.error}
        onSubmit={stageChange.submit}
        onCancel={stageChange.close}
      />
      <ProposalDecisionDialog
        pending={decision.pending}
        submitting={decision.submitting}
        error={decision.error}
        onSubmit={decision.submit}
        onCancel={decision.close}
      />
      <RecordNeedDialog
        open={recording}
        submitting={writes.record.isPending}
        error={writes.recordError}
        onSubmit={(need) =>
          writes.record.mutate(need, {
            onSuccess: () => {
              setRecording(false);
              goTo("needs");
            },
          })
        }
        onCancel={() => setRecording(false)}
      />
      <NeedStatusDialog
        need={needToChange}
        submitting={writes.status.isPending}
        error={writes.statusError}
        onSubmit={(status: NeedStatus) =>
          needToChange &&
          writes.status.mutate(
            { needId: needToChange.id, status },
            { onSuccess: () => setNeedToChange(null) },
          )
        }
        onCancel={() => setNeedToChange(null)}
      />
    </>
  );

  return {
    view,
    tabs,
    nextActions,
    dialogs,
    openMove: () => openMove(),
    openRecordNeed: () => {
      writes.record.reset();
      setRecording(true);
    },
  };
}

import { useState } from "react";
import { App as AntApp, Flex, Typography } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { saveAsSegmentAction } from "../actions/segmentsActions.js";
import { customersExportUrl } from "../api/imports.js";
import { cleanFilter, createSegment, segmentKeys, type CustomerFilter } from "../api/segments.js";
import { ActionButton } from "../components/ActionButton.js";
import { ExportCustomersMenu } from "../components/import/ExportCustomersMenu.js";
import { SegmentDialog } from "../components/segments/SegmentDialog.js";

/**
 * The customers list's commands on what it shows: save the filter as a segment (evaluated
 * live from then on), and export the customers it matches as CSV or xlsx.
 */
export function CustomerViewActions(props: {
  query: CustomerFilter & { sort?: string; order?: string };
}) {
  const { t } = useTranslation("segments");
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { sort: _sort, order: _order, ...filter } = props.query;
  const definition = cleanFilter(filter);
  const create = useMutation({
    mutationFn: createSegment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.all }),
  });
  return (
    <Flex gap={8}>
      <ActionButton action={saveAsSegmentAction} arg={{ open: () => setOpen(true) }} />
      <ExportCustomersMenu
        hrefFor={(format, headers) => customersExportUrl(definition, format, headers)}
      />
      <SegmentDialog
        open={open}
        definition={definition}
        onClose={() => setOpen(false)}
        onSubmit={(draft) => create.mutateAsync({ ...draft, definition })}
        onSaved={(segment) => {
          setOpen(false);
          void message.success(
            <span>
              {t("dialog.saved", { name: segment.name })}{" "}
              <Typography.Link onClick={() => void navigate(`/segments?segment=${segment.id}`)}>
                {t("dialog.open")}
              </Typography.Link>
            </span>,
          );
        }}
      />
    </Flex>
  );
}

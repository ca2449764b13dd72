import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "./errors.js";
import { isApiError } from "../api/client.js";

/** A failed load, explained, with a retry when one could help. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status =
    isApiError(error) && error.status === 404
      ? "404"
      : isApiError(error) && error.status === 403
        ? "403"
        : "error";
  return (
    <Result
      status={status}
      title={t("errors.title")}
      subTitle={errorMessage(t, error)}
      extra={onRetry ? <Button onClick={onRetry}>{t("actions.reload")}</Button> : undefined}
    />
  );
}

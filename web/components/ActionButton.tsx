import { Button, Tooltip, type ButtonProps } from "antd";
import { useAction } from "../actions/useActions.js";
import type { Action } from "../actions/types.js";

type Props<Arg> = { action: Action<Arg>; iconOnly?: boolean } & (Arg extends void
  ? { arg?: undefined }
  : { arg: Arg }) &
  Omit<ButtonProps, "onClick" | "disabled" | "loading" | "icon" | "children">;

/** A button for a registered action: its label, icon, enabled state and busy state. */
export function ActionButton<Arg>({ action, arg, iconOnly = false, ...buttonProps }: Props<Arg>) {
  const bound = useAction(action, arg as Arg);
  if (!bound.visible) return null;
  const button = (
    <Button
      {...buttonProps}
      icon={bound.icon}
      disabled={!bound.enabled && !bound.running}
      loading={bound.running}
      onClick={() => void bound.run()}
      aria-label={iconOnly ? bound.label : undefined}
      data-action={bound.name}
    >
      {iconOnly ? null : bound.label}
    </Button>
  );
  return iconOnly ? <Tooltip title={bound.label}>{button}</Tooltip> : button;
}

import type { ReactNode } from "react";
import { Menu } from "antd";
import { Link } from "react-router";

export interface MenuEntry {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
}

/** The main navigation, as real links (open in a new tab works); `selectedKey` is the current scene. */
export function SideMenu(props: { entries: MenuEntry[]; selectedKey: string | undefined }) {
  return (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={props.selectedKey ? [props.selectedKey] : []}
      items={props.entries.map((entry) => ({
        key: entry.key,
        icon: entry.icon,
        label: <Link to={entry.path}>{entry.label}</Link>,
      }))}
    />
  );
}

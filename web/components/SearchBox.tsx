import { useEffect, useRef, useState } from "react";
import { Input } from "antd";
import { SearchOutlined } from "@ant-design/icons";

/**
 * A search box that waits for the user to pause (debounce) and, for Chinese and other IME
 * input, for the composition to finish: typing "zhang" on the way to 张 never searches "zhang".
 */
export function SearchBox(props: {
  value: string;
  onSearch: (text: string) => void;
  placeholder: string;
  delayMs?: number;
  width?: number;
}) {
  const { value, onSearch, delayMs = 300 } = props;
  const [text, setText] = useState(value);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestSearch = useRef(onSearch);
  latestSearch.current = onSearch;

  // Follow changes made elsewhere (filters cleared, back button), but not our own echo.
  useEffect(() => {
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const schedule = (next: string, delay = delayMs) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const trimmed = next.trim();
      if (trimmed !== value) latestSearch.current(trimmed);
    }, delay);
  };

  return (
    <Input
      type="search"
      role="searchbox"
      allowClear
      prefix={<SearchOutlined />}
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      value={text}
      style={{ width: props.width ?? 280 }}
      onChange={(event) => {
        setText(event.target.value);
        if (!composing.current) schedule(event.target.value);
      }}
      onCompositionStart={() => {
        composing.current = true;
        clearTimeout(timer.current);
      }}
      onCompositionEnd={(event) => {
        composing.current = false;
        schedule(event.currentTarget.value);
      }}
      onPressEnter={(event) => {
        if (!composing.current) schedule(event.currentTarget.value, 0);
      }}
    />
  );
}

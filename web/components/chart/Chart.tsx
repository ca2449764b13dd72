import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { echarts, type ChartClick, type ChartOption } from "./echarts.js";

/**
 * An ECharts chart that follows its container's size and the interface language (axis and
 * tooltip texts). Pure: it draws the option it is given.
 */
export function Chart(props: {
  option: ChartOption;
  height?: number;
  ariaLabel: string;
  /** A click on a data item (a bar, a point, a funnel layer, a flow). */
  onClick?: (event: ChartClick) => void;
}) {
  const { i18n } = useTranslation();
  const locale = i18n.language === "zh-CN" ? "ZH" : "EN";
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const onClick = useRef(props.onClick);
  onClick.current = props.onClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { locale, renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (event) => onClick.current?.(event));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option, locale]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={props.ariaLabel}
      style={{ width: "100%", height: props.height ?? 320 }}
    />
  );
}

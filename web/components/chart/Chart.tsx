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
    const node = element.current;
    if (!node) return;
    const instance = echarts.init(node, undefined, { locale, renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (event) => onClick.current?.(event));
    // The observer also reports the size the chart was created with; redrawing for that would
    // lay out and paint every chart twice when a page opens.
    const observer = new ResizeObserver(() => {
      if (node.clientWidth !== instance.getWidth() || node.clientHeight !== instance.getHeight())
        instance.resize();
    });
    observer.observe(node);
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

/**
 * Choosing a customer in a form: a debounced search over the customer list (the same search the
 * list uses, so Chinese names work), remembering the names already seen so a chosen customer
 * keeps its label when the search changes.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Stage } from "../../src/shared/enums.js";
import { customerKeys, listCustomers } from "./customers.js";

export interface CustomerChoice {
  id: number;
  name: string;
  stage?: Stage;
}

const DEBOUNCE_MS = 250;

export function useCustomerChoices(initial: CustomerChoice[] = []) {
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const known = useRef(new Map<number, CustomerChoice>());
  for (const choice of initial) known.current.set(choice.id, choice);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const list = useQuery({
    queryKey: customerKeys.list({ q: query, limit: 20, sort: "name" }),
    queryFn: ({ signal }) =>
      listCustomers({ q: query || undefined, limit: 20, sort: "name" }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const choices = useMemo(() => {
    const found = (list.data?.items ?? []).map((c) => ({ id: c.id, name: c.name, stage: c.stage }));
    for (const choice of found) known.current.set(choice.id, choice);
    return found;
  }, [list.data]);

  return {
    choices,
    loading: list.isFetching,
    onSearch: setText,
    /** A customer's name when it has been seen in a search or given at the start. */
    nameOf: (id: number) => known.current.get(id)?.name,
  };
}

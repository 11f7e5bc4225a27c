"use client";

import { useState } from "react";
import { selectClass } from "@/components/schedule/time-zone-select";
import { Label } from "@/components/ui/label";

/**
 * The topic chosen among the profile's: the first unless another was chosen (and is still in the profile).
 * Returns the topic and its labelled select.
 */
export function useTopicSelect(topics: string[], id: string, label: string): { topic: string; select: React.ReactNode } {
  const [chosen, setChosen] = useState<string | null>(null);
  const topic = chosen !== null && topics.includes(chosen) ? chosen : (topics[0] ?? "");
  const select = (
    <>
      <Label htmlFor={id}>{label}</Label>
      <select id={id} value={topic} onChange={(event) => setChosen(event.target.value)} className={selectClass}>
        {topics.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </>
  );
  return { topic, select };
}

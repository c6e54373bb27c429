'use client';
// Focus back on the button that opened a dialog, once it closes. Radix gives focus back to its own
// Trigger; the shell's dialogs load on demand and open from a plain button instead, so they say
// where focus goes. Radix's focus scope settles in a timer on unmount: this runs after it.
import { useEffect, useRef, type RefObject } from 'react';

export function useFocusBackOnClose(open: boolean, opener: RefObject<HTMLElement | null>): void {
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) {
      const timer = setTimeout(() => opener.current?.focus(), 0);
      wasOpen.current = open;
      return () => clearTimeout(timer);
    }
    wasOpen.current = open;
  }, [open, opener]);
}

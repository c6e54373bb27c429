'use client';
// The small × that lets the operator put away an outcome they have read.
import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';

export function DismissButton({ onDismiss, testId }: { onDismiss: () => void; testId: string }) {
  return (
    <Button size="sm" variant="ghost" aria-label="Dismiss" onClick={onDismiss} className="-my-1 -mr-2 shrink-0" data-testid={testId}>
      <X aria-hidden className="size-4" />
    </Button>
  );
}

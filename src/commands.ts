/**
 * The keyboard commands (manifest.json `commands`), after the toolbar button's `_execute_action`, in the order the
 * options page lists them: browsers list them in an order of their own (Chromium by name, Firefox as declared).
 */
export const COMMANDS = ['copy-clean-text', 'copy-citation', 'export-default'] as const;
export type Command = (typeof COMMANDS)[number];
export const COMMAND_ORDER: readonly string[] = ['_execute_action', ...COMMANDS];

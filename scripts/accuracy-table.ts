/**
 * Prints the table of docs/accuracy.md: each published case, the paper's figure, what ITOS
 * reports, the convention, and whether ITOS agrees with the hand-worked answer.
 * Run: npm run accuracy
 */
import { accuracyTable } from "../test/support/accuracyTable";

void accuracyTable().then((table) => process.stdout.write(`${table}\n`));

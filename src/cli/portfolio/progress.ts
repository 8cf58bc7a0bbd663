/**
 * Progress on stderr while the workbooks are read: a bar on a terminal (cli-progress), one plain
 * line per workbook otherwise (a log file, CI), so stdout carries only the report.
 */
import { SingleBar, Presets } from "cli-progress";

export interface Progress {
  done(file: string): void;
  stop(): void;
}

export function startProgress(
  total: number,
  stream: NodeJS.WriteStream = process.stderr
): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format: "itos portfolio [{bar}] {value}/{total} workbooks | {file}",
        hideCursor: true,
        clearOnComplete: true,
      },
      Presets.shades_classic
    );
    bar.start(total, 0, { file: "" });
    return {
      done: (file) => bar.increment(1, { file }),
      stop: () => bar.stop(),
    };
  }
  let count = 0;
  return {
    done: (file) => {
      count++;
      stream.write(`itos: read ${count}/${total}: ${file}\n`);
    },
    stop: () => undefined,
  };
}

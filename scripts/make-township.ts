import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exampleTownship, townshipWorkbook } from './township';

/** Writes examples/乡镇党建台账示例.xlsx: the township workbook `npm run demo` assesses. */
const file = process.argv[2] ?? 'examples/乡镇党建台账示例.xlsx';
await mkdir(dirname(file), { recursive: true });
await townshipWorkbook(exampleTownship()).xlsx.writeFile(file);
process.stdout.write(`${file}\n`);

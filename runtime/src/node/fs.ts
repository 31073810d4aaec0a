import * as fs from "node:fs";
import { HostFileSystem } from "../files/hostfs.ts";

/** The Node file system as a fastapi-ts {@link HostFileSystem} (the default where Node is the host). */
export const nodeFileSystem: HostFileSystem = new HostFileSystem(fs);

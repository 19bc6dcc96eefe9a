export const meta = { name: "pflow", description: "Plugin workflow." };

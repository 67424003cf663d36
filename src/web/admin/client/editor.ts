// The newsroom's rich-text editor: being built.
export {};

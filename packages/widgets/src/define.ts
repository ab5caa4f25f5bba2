// Registers the widget elements. Importing this file is the only side effect the package has.
export {};

/** `itos portfolio`: every case in a set of workbooks and folders, one row each. */
export { runPortfolio, EXIT_STOPPED, type PortfolioArgs, type PortfolioIo } from "./command";

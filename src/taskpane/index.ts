/** Task pane entry: wired up once Office is ready. */
Office.onReady(() => {
  const app = document.getElementById("app");
  if (app) app.textContent = "ITOS Payback";
});

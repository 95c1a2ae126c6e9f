"""An editor's path through `zglint serve`, in headless Chromium driven by WebDriver.

Usage: browser.py URL REPORT DOWNLOADS SHOTS DROPPED. Opens URL, picks REPORT in the upload
form and submits it, checks that the review page marks the findings, clicks the first
rate-mismatch mark (the page pins it and its note), keeps screenshots in SHOTS, presses the
download button and waits for the commented Word file in DOWNLOADS; then drops DROPPED on the
upload page as a file dragged from the desktop would be. Prints what it saw as JSON on standard
output.

Needs selenium (PyPI) and Debian's chromium and chromium-driver; tests/run installs them.
"""

import base64
import json
import os
import shutil
import sys
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    sys.exit("selenium is needed to test `zglint serve` in a browser: pip install selenium")

url, report, downloads, shots, dropped = sys.argv[1:6]


def executable(name, env):
    path = os.environ.get(env) or shutil.which(name)
    if not path:
        sys.exit(f"{name} is needed: apt-get install chromium chromium-driver")
    return path


options = webdriver.ChromeOptions()
options.binary_location = executable("chromium", "CHROMIUM")
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600",
            "--hide-scrollbars", "--disable-dev-shm-usage"]:
    options.add_argument(arg)
options.add_experimental_option("prefs", {
    "download.default_directory": downloads,
    "download.prompt_for_download": False,
})
driver = webdriver.Chrome(options=options,
                          service=Service(executable("chromedriver", "CHROMEDRIVER")))
try:
    driver.set_page_load_timeout(120)
    # Headless Chromium saves downloads only where it is told to.
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": downloads})
    driver.get(url)
    driver.save_screenshot(os.path.join(shots, "upload.png"))
    driver.find_element(By.CSS_SELECTOR, "input[type=file][name=file]").send_keys(report)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait = WebDriverWait(driver, 120)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "section.report")))
    # The page's own script ran under the served policy (it marks the root element).
    script_ran = driver.execute_script(
        "return document.documentElement.classList.contains('js')")
    driver.save_screenshot(os.path.join(shots, "review-top.png"))
    marks = driver.find_elements(By.CSS_SELECTOR, "mark[data-f]")
    rules = sorted({m.get_attribute("data-rule") for m in marks})
    first = next(m for m in marks if m.get_attribute("data-rule") == "rate-mismatch")
    # A highlighted mark has a visible background, not a transparent one.
    background = driver.execute_script(
        "return getComputedStyle(arguments[0]).backgroundColor", first)
    highlighted = background not in ("rgba(0, 0, 0, 0)", "transparent")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
    first.click()
    key = first.get_attribute("data-f")
    pinned = len(driver.find_elements(By.CSS_SELECTOR, f"[data-f='{key}'].pinned"))
    time.sleep(0.5)
    driver.save_screenshot(os.path.join(shots, "review-selected.png"))
    driver.find_element(By.CSS_SELECTOR, "form.action button[type=submit]").click()
    deadline = time.time() + 120
    done = []
    while time.time() < deadline:
        done = [f for f in os.listdir(downloads) if f.endswith(".docx")]
        if done:
            break
        time.sleep(0.2)
    # Dropping a file on the upload page sends it as if picked (the page's script).
    driver.get(url)
    with open(dropped, "rb") as f:
        content = base64.b64encode(f.read()).decode()
    driver.execute_script("""
        var bin = atob(arguments[0]), bytes = new Uint8Array(bin.length);
        for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        var dt = new DataTransfer();
        dt.items.add(new File([bytes], arguments[1], {type: 'text/plain'}));
        var zone = document.getElementById('drop');
        ['dragover', 'drop'].forEach(function (type) {
            zone.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
        });
    """, content, os.path.basename(dropped))
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "section.report")))
    dropped_rules = sorted({m.get_attribute("data-rule")
                            for m in driver.find_elements(By.CSS_SELECTOR, "mark[data-f]")})
    dropped_title = driver.find_element(By.CSS_SELECTOR, "section.report .card").text
    print(json.dumps({
        "script_ran": script_ran,
        "dropped_rules": dropped_rules,
        "dropped_card": dropped_title,
        "marks": len(marks),
        "rules": rules,
        "highlighted": highlighted,
        "background": background,
        "pinned": pinned,
        "downloaded": done,
    }, ensure_ascii=False))
finally:
    driver.quit()

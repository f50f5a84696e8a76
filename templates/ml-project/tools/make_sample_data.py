"""Regenerate the synthetic sample datasets shipped in files/data/ (run from this folder).

The CSV files are committed; this script documents how they were made and is not part of the
generated project. Each dataset is synthetic, seeded and small enough for offline tests.
Usage: python3 make_sample_data.py   (then update data.sha256 in files/configs/config.yaml)
"""

import csv
import hashlib
import math
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "files" / "data"


def write(name: str, header: list[str], rows: list[list[object]]) -> None:
    path = OUT / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    print(f"{name}: {len(rows)} rows, sha256 {digest}")


def churn(n: int = 600, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    contracts = rng.choice(["monthly", "annual", "two_year"], size=n, p=[0.55, 0.3, 0.15])
    payments = rng.choice(["card", "bank_transfer", "invoice"], size=n, p=[0.5, 0.3, 0.2])
    rows = []
    for contract, payment in zip(contracts, payments):
        tenure = int(min(72, 1 + rng.exponential(20)))
        charges = round(float(np.clip(rng.normal(68, 22), 19.5, 129.0)), 2)
        calls = int(rng.poisson(1.3))
        logit = (
            -0.4
            - 0.06 * tenure
            + 0.025 * (charges - 68)
            + 0.65 * calls
            + {"monthly": 1.1, "annual": -0.6, "two_year": -1.8}[contract]
            + (0.5 if payment == "invoice" else 0.0)
        )
        churned = "yes" if rng.random() < 1 / (1 + math.exp(-logit)) else "no"
        rows.append([tenure, charges, calls, contract, payment, churned])
    header = ["tenure_months", "monthly_charges", "support_calls_90d", "contract_type"]
    write("customer_churn_sample.csv", header + ["payment_method", "churned"], rows)


TICKET_PHRASES = {
    "billing": [
        "I was charged twice this month",
        "the invoice amount is wrong",
        "please refund the duplicate payment",
        "my card was billed after I cancelled",
        "why did the price on my bill go up",
        "I need a copy of last month's receipt",
        "the discount code was not applied to my invoice",
        "there is an unknown charge on my statement",
    ],
    "technical": [
        "the app crashes when I open settings",
        "I get an error 500 when uploading a file",
        "the page keeps loading forever",
        "sync stopped working after the update",
        "the export button does nothing",
        "notifications are not arriving on my phone",
        "the dashboard shows a blank screen",
        "login works but the search returns an error",
    ],
    "account": [
        "I cannot reset my password",
        "please change the email address on my account",
        "how do I delete my account",
        "my account was locked after too many attempts",
        "I want to add a second user to our team",
        "two factor codes are not accepted",
        "please merge my two profiles",
        "I need to update my username",
    ],
    "delivery": [
        "my parcel has not arrived yet",
        "the tracking number does not work",
        "the package was delivered to the wrong address",
        "the box arrived damaged",
        "when will my order be shipped",
        "the courier never came",
        "part of my order is missing",
        "can I change the delivery date",
    ],
}
OPENERS = ["Hello,", "Hi team,", "Good morning,", "", "Hey,", "Dear support,"]
CLOSERS = ["Thanks.", "Please help.", "This is urgent.", "", "Regards.", "Any update?"]


def tickets(n: int = 480, seed: int = 11) -> None:
    rng = np.random.default_rng(seed)
    labels = list(TICKET_PHRASES)
    rows = []
    for _ in range(n):
        label = str(rng.choice(labels, p=[0.3, 0.3, 0.2, 0.2]))
        phrases = list(rng.choice(TICKET_PHRASES[label], size=2, replace=False))
        if rng.random() < 0.25:  # a sentence about another topic makes the task less trivial
            other = str(rng.choice([name for name in labels if name != label]))
            phrases.insert(int(rng.integers(0, 3)), str(rng.choice(TICKET_PHRASES[other])))
        if rng.random() < 0.05:  # some tickets are mislabelled, as in real queues
            label = str(rng.choice(labels))
        body = ". ".join(p[0].upper() + p[1:] for p in phrases) + "."
        text = " ".join(
            part for part in [str(rng.choice(OPENERS)), body, str(rng.choice(CLOSERS))] if part
        )
        rows.append([text, label])
    write("support_tickets_sample.csv", ["text", "category"], rows)


def deliveries(n: int = 500, seed: int = 23) -> None:
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(n):
        distance = round(float(rng.uniform(0.5, 15.0)), 2)
        items = int(1 + rng.poisson(2.0))
        hour = int(rng.integers(9, 23))
        weather = str(rng.choice(["clear", "rain", "snow"], p=[0.65, 0.27, 0.08]))
        zone = str(rng.choice(["city_center", "suburb", "outskirts"], p=[0.4, 0.4, 0.2]))
        experience = int(rng.integers(0, 61))
        minutes = (
            9.0
            + 3.1 * distance
            + 1.4 * items
            + (9.0 if hour in (12, 13, 18, 19, 20) else 0.0)
            + {"clear": 0.0, "rain": 6.0, "snow": 15.0}[weather]
            + {"city_center": 5.0, "suburb": 0.0, "outskirts": 3.0}[zone]
            - 0.09 * experience
            + rng.normal(0, 3.5)
        )
        rows.append([distance, items, hour, weather, zone, experience, round(max(minutes, 5.0), 1)])
    header = ["distance_km", "items", "hour_of_day", "weather", "zone"]
    write(
        "delivery_times_sample.csv",
        header + ["courier_experience_months", "delivery_minutes"],
        rows,
    )


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    churn()
    tickets()
    deliveries()

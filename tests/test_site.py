"""The real CV: every seed section and its key facts reach the site and the PDF."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import GITHUB, PROJECT_URLS, REPO, CVBuild

PAGES = {
    "index.html": "Serge Logvinov",
    "kubernetes.html": "Kubernetes",
    "linux.html": "Linux",
    "network.html": "Network",
    "cicd.html": "CI/CD",
    "blockchain.html": "Blockchain",
    "office.html": "Solutions for offices",
    "languages.html": "Programming languages",
    "iac.html": "Infrastructure as code",
    "os.html": "Operating systems",
    "databases.html": "Databases",
    "skills.html": "Skills",
    "education.html": "Education",
}

# Key facts of each seed section, as the CV states them (typos corrected).
SEED_FACTS = {
    "About me": [
        "Since 2018",
        "hybrid cloud",
        "Talos",
        "Talos CCM",
        "Proxmox CCM",
        "Proxmox CSI",
        "Terraform manual testing",
        "OpenStack CCM/CSI",
        "Terraform plugins for different clouds",
        "Cloud Controller Manager for different clouds",
        "Container Storage Interface",
        "Custom Resource Definitions",
        "Node autoscaling",
        "github.com/sergelogvinov",
    ],
    "Programming languages": [
        "Golang",
        "Python",
        "Ruby",
        "PHP",
        "Assembly",
        "C/C++",
        "Pascal",
        "Bash",
    ],
    "Infrastructure as code": ["Terraform", "Ansible", "Puppet"],
    "Kubernetes": [
        "since version 0.3",
        "kubeadm",
        "ansible-role-kubernetes",
        "no longer supported",
        "15 min",
        "5 min",
        "2 reboots",
        "static Pods",
        "ABAC",
        "RBAC",
        "Cilium",
        "Weave Net",
        "kube-router",
        "Kilo",
        "Fluent Bit",
        "Loki",
        "VictoriaMetrics",
        "ingress-nginx",
        "Gloo",
        "HAProxy",
        "Traefik",
        "Skipper",
        "ModSecurity",
        "SOPS",
        "Flux CD",
        "Argo CD",
        "local machine",
    ],
    "Linux": [
        "preseed",
        "PXE",
        "Hiera",
        "ActiveMQ",
        "60 modules",
        "40 roles",
        "Foreman",
        "NUMA",
        "IRQ affinity",
        "Xen",
        "KVM",
        "VT-d",
        "LXC",
        "Private cloud on OpenStack",
        "Proxmox",
        "DigitalOcean",
        "Hetzner",
        "OVH",
        "Scaleway",
        "UpCloud",
        "10 other clouds",
    ],
    "OS": ["CoreOS for Jenkins workers", "SLES", "CentOS", "OpenBSD", "FreeBSD", "OpenWrt"],
    "Network": [
        "DNS clusters",
        "Cisco",
        "port mirroring",
        "BGP",
        "L7 DDoS",
        "iptables",
        "ipset",
        "BIRD",
        "PowerDNS",
        "geo views",
        "multi-WAN",
        "OpenVPN",
        "IPsec",
        "WireGuard",
    ],
    "Database": [
        "PostgreSQL",
        "WAL-G",
        "Barman",
        "ClickHouse",
        "Redis",
        "KeyDB",
        "MongoDB",
        "RabbitMQ",
        "InfluxDB",
        "Memcached",
    ],
    "CI/CD": [
        "github-actions-runner",
        "TeamCity in Kubernetes",
        "3 agents",
        "nerdctl",
        "Jenkins",
        "matrix tests",
        "BuildKit",
        "make",
    ],
    "Blockchain": ["Bitcoin", "Ethereum", "Waves", "Ergo", "testnets", "smart contract", "Infura"],
    "Solutions for offices": [
        "work time accounting",
        "Squid",
        "Sendmail",
        "Dovecot",
        "30 minutes",
        "Trac",
        "read-only root file system",
    ],
    "University time": ["PIC", "16-bit", "10 Mbit", "libpcap", "PPPoE", "Samba", "FreeBSD"],
    "School time": ["Arkanoid", "Pascal"],
}
ALL_FACTS = [fact for facts in SEED_FACTS.values() for fact in facts]


def squeeze(text: str) -> str:
    """Text without case, spaces or hyphens: line breaks and hyphenation do not count."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text).casefold()


def html_text(build: CVBuild) -> str:
    return " ".join(
        BeautifulSoup(build.page(page), "html.parser").select_one("article").get_text(" ")
        for page in PAGES
    )


def test_site_builds_without_warnings(cv_build: CVBuild) -> None:
    assert cv_build.html_log.returncode == 0, cv_build.html_log.stderr
    assert "WARNING" not in cv_build.html_log.stderr


def test_every_page_is_reachable_from_the_sidebar(cv_build: CVBuild) -> None:
    home = BeautifulSoup(cv_build.page("index.html"), "html.parser")
    linked = {a["href"] for a in home.select(".sidebar-tree a.reference.internal")}
    built = {f"{source.stem}.html" for source in (REPO / "docs").glob("*.md")}
    assert built == set(PAGES)
    assert all((cv_build.html / page).is_file() for page in built)
    assert built - {"index.html"} <= linked
    for index in ("cv-skills.html", "cv-categories.html", "cv-entries.html"):
        assert index in linked


@pytest.mark.parametrize(("page", "title"), PAGES.items())
def test_each_section_is_its_own_page(cv_build: CVBuild, page: str, title: str) -> None:
    h1 = BeautifulSoup(cv_build.page(page), "html.parser").select_one("article h1")
    assert h1.get_text().rstrip("¶#").startswith(title)


@pytest.fixture(scope="module")
def site_text(cv_build: CVBuild) -> str:
    return squeeze(html_text(cv_build))


@pytest.mark.parametrize("fact", ALL_FACTS)
def test_seed_fact_is_on_the_site(site_text: str, fact: str) -> None:
    assert squeeze(fact) in site_text


def test_every_seed_fact_is_in_the_pdf(cv_build: CVBuild) -> None:
    text = squeeze(cv_build.pdf_text())
    assert [fact for fact in ALL_FACTS if squeeze(fact) not in text] == []
    # each page's title is a line of its own: every section is there as a section
    lines = {" ".join(line.split()) for line in cv_build.pdf_text().splitlines()}
    assert [t for t in PAGES.values() if not any(line.startswith(t) for line in lines)] == []


def test_seed_typos_are_corrected(cv_build: CVBuild) -> None:
    text = html_text(cv_build) + cv_build.pdf_text()
    for typo in (
        "Conteiner",
        "pupper",
        "traefic",
        "wavenet",
        "switces",
        "Privet",
        "lanch",
        "deploytments",
        "pressets",
        "automatisation",
        "does not supported",
    ):
        assert typo.casefold() not in text.casefold(), typo


def test_links_stay_links(cv_build: CVBuild) -> None:
    hrefs = {
        a["href"]
        for page in PAGES
        for a in BeautifulSoup(cv_build.page(page), "html.parser").select("article a")
    }
    for url in (
        GITHUB,
        *PROJECT_URLS,
        "https://www.talos.dev/",
        "https://github.com/sergelogvinov/ansible-role-kubernetes",
        "https://github.com/sergelogvinov?tab=repositories&q=ansible",
        "https://github.com/sergelogvinov/github-actions-runner",
        "https://github.com/sergelogvinov/teamcity",
    ):
        assert url in hrefs, url


def test_site_links_to_the_pdf(cv_build: CVBuild) -> None:
    home = BeautifulSoup(cv_build.page("index.html"), "html.parser")
    pdf_links = [a["href"] for a in home.select(".cv-sidebar-indexes a") if a.get_text() == "PDF"]
    assert pdf_links == [cv_build.pdf.name]
    assert (cv_build.html / pdf_links[0]).read_bytes() == cv_build.pdf.read_bytes()


def test_pages_are_at_the_site_root(cv_build: CVBuild) -> None:
    """conf.py at the repository's root, the pages in docs/: the site has no docs/ folder."""
    assert not (cv_build.html / "docs").exists()
    home = BeautifulSoup(cv_build.page("index.html"), "html.parser")
    assert home.select_one('meta[property="og:title"]')["content"] == "Serge Logvinov"
    assert home.select_one('meta[http-equiv="refresh"]') is None

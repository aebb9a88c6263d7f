SELECT DISTINCT year FROM award_counts ORDER BY year DESC
